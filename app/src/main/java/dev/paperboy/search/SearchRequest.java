package dev.paperboy.search;

import java.time.LocalDate;

/**
 * A search as a user states it: free text plus optional filters, an order and a page. {@code null}
 * filters mean "any".
 */
public record SearchRequest(
    String query,
    LocalDate from,
    LocalDate to,
    String category,
    boolean hasCode,
    Order order,
    int offset,
    int limit) {

  public static final int MAX_QUERY_CHARS = 300;

  /** How results are ordered; every order breaks ties by arXiv id so pages are stable. */
  public enum Order {
    RELEVANCE,
    NEWEST,
    UPVOTES
  }

  public SearchRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
    query = query.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "the query is longer than " + MAX_QUERY_CHARS + " characters");
    }
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, null, null, null, false, Order.RELEVANCE, 0, limit);
  }
}
