package dev.paperboy.community;

import java.time.Instant;

/** An account as the rest of Paperboy sees it; never carries the password hash. */
public record User(
    long id,
    String email,
    String displayName,
    Role role,
    boolean votesPublic,
    Instant createdAt,
    Instant blockedAt) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean blocked() {
    return blockedAt != null;
  }

  public String profileHref() {
    return "/users/" + id;
  }
}
