package dev.paperboy.search;

import java.util.List;

/**
 * One page of results: paper ids in order with their highlighted snippets, the number of matches
 * ({@code totalAtLeast}: counting stopped there, there are more), and a notice for the user when a
 * part of the search was unavailable.
 */
public record SearchResults(List<Hit> hits, long total, boolean totalAtLeast, String notice) {

  /**
   * A matching paper. The highlights are HTML: the indexed text escaped, with matched terms in
   * {@code <mark>}; null when nothing in that field matched.
   */
  public record Hit(String id, float score, String titleHtml, String abstractHtml) {}

  public SearchResults {
    hits = List.copyOf(hits);
  }

  public SearchResults withNotice(String notice) {
    return new SearchResults(hits, total, totalAtLeast, notice);
  }
}
