package dev.paperboy.search;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search engine's index of papers, in our own terms: documents go in; ids, scores and highlights
 * come out. Ranking across the keyword and semantic sides (fusion), query understanding and the
 * upvote order stay outside, in {@link SearchService}, so every engine answers alike.
 */
public interface PaperIndex extends AutoCloseable {

  /**
   * What the index holds of a paper. The vector (unit length) is null until the paper is embedded.
   */
  record Document(
      String id,
      String title,
      String abstractText,
      List<String> authors,
      List<String> categories,
      LocalDate day,
      boolean hasCode,
      float[] vector) {

    public Document {
      authors = List.copyOf(authors);
      categories = List.copyOf(categories);
    }
  }

  /** A matching paper and the engine's score for it (higher is better). */
  record Scored(String id, float score) {}

  /**
   * Keyword matches, best first: {@code pinned} are exact id or title matches, which stay above
   * everything else; {@code total} counts all matches ({@code totalAtLeast}: counting stopped).
   */
  record Matches(List<Scored> pinned, List<Scored> ranked, long total, boolean totalAtLeast) {

    public Matches {
      pinned = List.copyOf(pinned);
      ranked = List.copyOf(ranked);
    }
  }

  /**
   * Highlighted title and abstract as HTML: the indexed text escaped, matched terms in {@code
   * <mark>}; null where nothing matched.
   */
  record Highlight(String titleHtml, String abstractHtml) {}

  /**
   * This index's identity, under which its place in the change log is kept. A rebuilt or new index
   * gets a new one.
   */
  String id();

  /** False for a read-only view of an index that another process writes. */
  boolean writable();

  /** Adds or replaces the documents. Visible to searches after {@link #commit()}. */
  void put(Collection<Document> documents);

  /** Removes these papers (hidden ones, or ones no longer stored); unknown ids are ignored. */
  void delete(Collection<String> ids);

  /** Makes every put and delete so far durable and searchable. */
  void commit();

  /**
   * The first {@code n} keyword matches of the request in its order: relevance or newest first (the
   * upvote order is not the engine's, see {@link SearchService}).
   */
  Matches keyword(SearchRequest request, int n);

  /**
   * The {@code k} papers nearest the vector that pass the request's filters (date, category, code),
   * applied before the nearest-neighbour search; {@code filters} may be null for none.
   */
  List<Scored> nearest(float[] vector, int k, SearchRequest filters, String exceptId);

  /** Highlights of the request's words in these papers. */
  Map<String, Highlight> highlight(SearchRequest request, List<String> ids);

  /** Documents in the index. */
  int count();

  /** Why the index cannot be read now, or empty when it can. */
  Optional<String> problem();

  /** Removes every document and takes a new {@link #id()}, for a rebuild from the database. */
  void clear();

  /** Reorganises the index for the fastest queries; worth it after a rebuild. */
  void optimize();

  @Override
  void close();
}
