package dev.paperboy.web;

import java.util.List;

/**
 * The search page: the form as the user filled it, one page of result cards, what to try instead
 * when nothing matched, and {@code arxivOffer} (or null) when the query is an arXiv id this
 * Paperboy does not store; {@code citeQuery} is the query string of this page's BibTeX and RIS
 * exports (null when there are no results).
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
    List<Suggestion> suggestions,
    ArxivOffer arxivOffer,
    List<FollowButton> follows,
    String citeQuery) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }

  /** Something to try: a sentence with a link in it ({@code before}, link, {@code after}). */
  public record Suggestion(String before, String linkText, String href, String after) {}
}
