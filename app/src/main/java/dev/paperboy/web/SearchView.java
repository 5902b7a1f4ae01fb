package dev.paperboy.web;

import java.util.List;

/**
 * The search page: the form as the user filled it, one page of result cards, and, when nothing
 * matched, what to try instead.
 */
public record SearchView(
    String query,
    String from,
    String to,
    String category,
    boolean hasCode,
    String sort,
    List<CardView> cards,
    String summary,
    String notice,
    String previousPageHref,
    String nextPageHref,
    List<Suggestion> suggestions) {

  /** Something to try: a sentence with a link in it ({@code before}, link, {@code after}). */
  public record Suggestion(String before, String linkText, String href, String after) {}
}
