package dev.paperboy.web;

import dev.paperboy.community.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who is looking at a page: the signed-in user (or null), the CSRF token their forms carry, and the
 * colour theme they chose ("light" or "dark"; null follows the system's setting).
 */
public record Viewer(User user, String csrfToken, String path, String theme) {

  public boolean signedIn() {
    return user != null;
  }

  public boolean isAdmin() {
    return user != null && user.isAdmin();
  }

  public String name() {
    return user == null ? null : user.displayName();
  }

  /** Where the sign-in page sends the person back to afterwards. */
  public String signInHref() {
    return "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }
}
