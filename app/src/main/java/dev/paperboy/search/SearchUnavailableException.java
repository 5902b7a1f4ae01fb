package dev.paperboy.search;

/**
 * The search engine cannot answer now (a search server out of reach, say). Search says so and
 * answers what it can from the database; the follower retries and catches up when it is back.
 */
public final class SearchUnavailableException extends RuntimeException {

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
