package dev.paperboy.search;

import java.util.List;

/**
 * One page of results: paper ids in order with their highlighted snippets, the number of matches
 * ({@code totalAtLeast}: counting stopped there, there are more), a notice for the user when a part
 * of the search was unavailable or the index is still being built, and, when nothing matched, what
 * to try instead.
 */
public record SearchResults(
    List<Hit> hits,
    long total,
    boolean totalAtLeast,
    String notice,
    List<Suggestion> suggestions,
    Indexing indexing) {

  /**
   * A matching paper. The highlights are HTML: the indexed text escaped, with matched terms in
   * {@code <mark>}; null when nothing in that field matched. {@code byMeaning}: no word of the
   * query matched, the paper is close to it in meaning only.
   */
  public record Hit(
      String id, float score, String titleHtml, String abstractHtml, boolean byMeaning) {}

  /** What to try when nothing matched: another spelling, fewer words, or a filter left out. */
  public record Suggestion(Kind kind, String query, String filter, long matches) {

    public enum Kind {
      /** {@code query} is the query with its unknown words spelled as papers spell them. */
      SPELLING,
      /** A long query: its words are many, try fewer. */
      FEWER_WORDS,
      /** {@code filter} (category, code, from, to) removed everything; without it, matches. */
      WITHOUT_FILTER
    }
  }

  /** The index is behind the database: {@code indexed} of {@code papers} are searchable now. */
  public record Indexing(long indexed, long papers, long embedded) {}

  public SearchResults {
    hits = List.copyOf(hits);
    suggestions = List.copyOf(suggestions);
  }

  public SearchResults(List<Hit> hits, long total, boolean totalAtLeast, String notice) {
    this(hits, total, totalAtLeast, notice, List.of(), null);
  }

  public SearchResults withNotice(String notice) {
    return new SearchResults(hits, total, totalAtLeast, notice, suggestions, indexing);
  }

  public SearchResults withSuggestions(List<Suggestion> suggestions) {
    return new SearchResults(hits, total, totalAtLeast, notice, suggestions, indexing);
  }

  public SearchResults withIndexing(Indexing indexing) {
    return new SearchResults(hits, total, totalAtLeast, notice, suggestions, indexing);
  }
}
