package dev.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sign-in or sign-up form as the person filled it, with what went wrong (or null). */
public record AuthView(boolean signUp, String email, String name, String next, String error) {

  public String title() {
    return signUp ? "Sign up" : "Sign in";
  }

  /** The other form (sign in from sign-up and back), keeping where to go afterwards. */
  public String otherHref() {
    return (signUp ? "/signin" : "/signup")
        + "?next="
        + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }
}
