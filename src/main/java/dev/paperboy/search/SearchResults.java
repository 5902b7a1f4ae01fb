package dev.paperboy.search;

import java.util.List;

/**
 * One page of results: paper ids in order with their highlighted snippets, the total number of
 * matches, and a notice for the user when a part of the search was unavailable.
 */
public record SearchResults(List<Hit> hits, long total, String notice) {

  /**
   * A matching paper. The highlights are HTML: the indexed text escaped, with matched terms in
   * {@code <mark>}; null when nothing in that field matched.
   */
  public record Hit(String id, float score, String titleHtml, String abstractHtml) {}

  public SearchResults {
    hits = List.copyOf(hits);
  }
}
