package dev.paperboy.community;

import java.time.Duration;

/**
 * Why the community refused a request, in words fit to show the person who made it. The kind says
 * which HTTP status the web layer answers with.
 */
public final class Refusal extends RuntimeException {

  /** The kinds of refusal, each with the status it maps to. */
  public enum Kind {
    INVALID(400),
    NOT_SIGNED_IN(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    RATE_LIMITED(429),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  public Refusal(Kind kind, String message) {
    this(kind, message, null);
  }

  public Refusal(Kind kind, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#RATE_LIMITED}: how long until the next attempt may succeed. */
  public Duration retryAfter() {
    return retryAfter;
  }

  static Refusal invalid(String message) {
    return new Refusal(Kind.INVALID, message);
  }

  static Refusal forbidden(String message) {
    return new Refusal(Kind.FORBIDDEN, message);
  }

  static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }
}
