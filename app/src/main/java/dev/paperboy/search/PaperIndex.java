package dev.paperboy.search;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

  /**
   * True when every node of a cluster searches this one index (a search server): then one node at a
   * time follows the change log into it. False for an index of this node's own.
   */
  default boolean shared() {
    return false;
  }

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

  /**
   * The query with each word that no paper uses replaced by the closest word papers do use (for
   * "did you mean"), or empty when every word is known or none has a close match.
   */
  Optional<String> respell(String query);

  /** Documents in the index. */
  int count();

  /** Why the index cannot be read now, or empty when it can. */
  default Optional<String> problem() {
    try {
      count();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * An empty index with a new {@link #id()} for a rebuild from the database, which searches do not
   * see until {@link #replaceWith} puts it in this one's place. An engine that cannot build beside
   * the served index (the embedded one) empties itself and returns itself.
   */
  PaperIndex emptyForRebuild();

  /**
   * Makes a rebuilt index from {@link #emptyForRebuild} the one this index searches and drops the
   * old content; searches go on throughout.
   */
  void replaceWith(PaperIndex rebuilt);

  /** Reorganises the index for the fastest queries; worth it after a rebuild. */
  void optimize();

  /**
   * How many parts a query searches one by one (Lucene's segments); 1 for an index whose server
   * merges on its own schedule.
   */
  default int segments() {
    return 1;
  }

  @Override
  void close();

  /** What a respelling engine says of one word (lower case): a better spelling, or null. */
  @FunctionalInterface
  interface Speller {
    String better(String word);
  }

  /**
   * The query with each word of three letters or more that the speller knows better replaced, the
   * rest (spacing, punctuation, other words) kept as typed; empty when nothing changed. Every
   * engine's {@link #respell} goes through here, so they replace alike.
   */
  static Optional<String> respellWords(String query, Speller speller) {
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    java.util.regex.Matcher m = WORD.matcher(query);
    int last = 0;
    while (m.find()) {
      out.append(query, last, m.start());
      last = m.end();
      String word = m.group().toLowerCase(Locale.ROOT);
      String better = word.length() < 3 ? null : speller.better(word);
      if (better != null) {
        out.append(better);
        changed = true;
      } else {
        out.append(m.group());
      }
    }
    out.append(query.substring(last));
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  /** A word of a query, as respelling sees it. */
  java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");

  /**
   * How many typos a rare query word may hold, in every engine: none under five letters (a four
   * letter word one edit away is some paper's acronym: "qwer" finds Qwen, "asdf" SDF), one up to
   * seven, two from eight.
   */
  static int typoEdits(String term) {
    return term.length() >= 8 ? 2 : term.length() >= 5 ? 1 : 0;
  }

  /**
   * How many moves the phrase of a query of {@code terms} words allows, in every engine. A query of
   * up to four words names a thing ("kv cache compression", "mixture of experts"), so its words
   * count as a phrase only side by side and in order; a longer one (a title, a claim) may have them
   * two moves apart. Suite dev sets, slop 2 to 0 for the short ones (keyword / hybrid): topics
   * nDCG@10 0.430 / 0.426 to 0.447 / 0.443, keyphrase MRR@10 0.929 / 0.928 to 0.934 / 0.932; CS
   * titles and SciFact claims unchanged. Slop 0 for every query cost CS titles 0.003.
   */
  static int phraseSlop(int terms) {
    return terms <= 4 ? 0 : 2;
  }

  /**
   * A title as an exact title match compares it, in every engine: lower case, letters and digits
   * only, single spaces.
   */
  static String exactTitle(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
