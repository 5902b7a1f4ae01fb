package dev.paperboy.observe;

/** A secret that opens an operator endpoint; {@link #toString()} never shows it. */
public record BearerToken(String value) {

  public BearerToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a bearer token must not be empty");
    }
    value = value.strip();
  }

  /** The token in {@code text}, or null when it is unset or blank. */
  public static BearerToken of(String text) {
    return text == null || text.isBlank() ? null : new BearerToken(text);
  }

  @Override
  public String toString() {
    return "BearerToken[(set)]";
  }
}
