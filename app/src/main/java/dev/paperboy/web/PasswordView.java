package dev.paperboy.web;

import dev.paperboy.community.PasswordResets;

/**
 * The forgotten-password pages: asking for a link by email ({@code link} null), or choosing the new
 * password from a mailed link.
 */
public record PasswordView(String email, PasswordResets.Link link, String error) {

  public String title() {
    return link == null ? "Forgot your password?" : "Choose a new password";
  }
}
