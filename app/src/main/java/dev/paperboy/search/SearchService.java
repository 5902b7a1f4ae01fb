package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.PaperIndex.Highlight;
import dev.paperboy.search.PaperIndex.Matches;
import dev.paperboy.search.PaperIndex.Scored;
import dev.paperboy.search.SearchRequest.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers searches over whatever engine holds the index: keyword matches and nearest neighbours
 * come from the {@link PaperIndex}, fused here on ids; the upvote order comes from the database, so
 * a vote reorders results without touching the index. Without a model, search answers by keyword
 * and says so.
 */
public final class SearchService {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);

  /** Runs a hybrid search's keyword side while its query is embedded. */
  private static final ExecutorService KEYWORD_SIDE = Executors.newVirtualThreadPerTaskExecutor();

  /** Neighbours and keyword matches fused for a hybrid page (more when the page is deeper). */
  private static final int CANDIDATES = 100;

  /**
   * When even the nearest paper is less similar than this (cosine), nothing matches the query by
   * meaning: it is a string of nonsense or a word no paper is about, and its nearest neighbours are
   * merely the least far. Fifty nonsense strings come no closer than 0.664 over 9.6K ML papers; 99%
   * of real queries' nearest paper is closer (eval --suite).
   */
  static final float MEANING_GATE = 0.68f;

  /**
   * Below this similarity a neighbour that no word of the query matched is not shown, however the
   * rest of the query fares.
   */
  static final float FLOOR = 0.6f;

  /** Queries of up to this many words are keyphrases, names or ids, and words decide them. */
  static final int SHORT_QUERY_WORDS = 4;

  /**
   * The keyword side's weight in convex fusion for a short query and for a longer one (a sentence,
   * a claim, a title), chosen on the dev sets (eval --suite; see the README).
   */
  static final double SHORT_QUERY_WEIGHT = 0.9;

  static final double LONG_QUERY_WEIGHT = 0.25;

  /** A query with more words than this may find nothing for being too long. */
  private static final int FEWER_WORDS = 6;

  /** Matches the upvote order ranks: the best this many by relevance. */
  static final int UPVOTE_CANDIDATES = 1000;

  private final PaperIndex index;
  private final PaperStore store;
  private final PaperVectors vectors;
  private final EmbeddingModel model;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final QueryVectors queryVectors = new QueryVectors();
  private volatile Supplier<SearchResults.Indexing> indexing = () -> null;

  /** Told about every search this service answers (the serving process's metrics listen). */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param mode the mode that answered (keyword when the semantic side could not)
     * @param nanos the time taken, query embedding included
     */
    void searched(SearchMode mode, long nanos);
  }

  public SearchService(
      PaperIndex index, PaperStore store, PaperVectors vectors, EmbeddingModel model) {
    this.index = index;
    this.store = store;
    this.vectors = vectors;
    this.model = model;
  }

  public SearchResults search(SearchRequest request) {
    return search(request, SearchMode.HYBRID);
  }

  public SearchResults search(SearchRequest request, SearchMode mode) {
    return search(request, mode, true);
  }

  /**
   * Searches in the given mode; without {@code highlight} the hits carry no snippets, which is what
   * ranking-only callers (evaluation, benchmarks, digests) want.
   */
  public SearchResults search(SearchRequest request, SearchMode mode, boolean highlight) {
    long started = System.nanoTime();
    Optional<ArxivId> asked = ArxivId.parse(request.query());
    if (asked.isPresent()) {
      return byId(request, asked.get());
    }
    float[] queryVector = null;
    String notice = null;
    CompletableFuture<Matches> words = null;
    if (mode != SearchMode.KEYWORD && request.order() == SearchRequest.Order.RELEVANCE) {
      Embedder e = model.loaded().orElse(null);
      if (e != null && mode == SearchMode.HYBRID) {
        // the keyword side runs while the query is embedded (the longest step): the two take
        // the time of the longer, not of both
        int n = candidates(request);
        words = CompletableFuture.supplyAsync(() -> index.keyword(request, n), KEYWORD_SIDE);
      }
      if (e == null) {
        notice =
            model.problem() != null
                ? "Search by meaning is unavailable ("
                    + model.problem()
                    + "); showing keyword matches."
                : "Search by meaning is starting up; showing keyword matches.";
      } else {
        try {
          queryVector = queryVectors.of(e, request.query());
        } catch (RuntimeException ex) {
          log.warn("Embedding the query '{}' failed", request.query(), ex);
          notice = "Search by meaning failed for this query; showing keyword matches.";
        }
      }
    }
    SearchMode answered = queryVector == null ? SearchMode.KEYWORD : mode;
    Ranked ranked;
    Map<String, Highlight> marks;
    try {
      ranked = rank(request, queryVector, answered, words);
      marks = highlight ? index.highlight(request, ranked.page()) : Map.of();
    } catch (SearchUnavailableException e) {
      log.warn("Search is unavailable: {}", e.getMessage());
      return withoutIndex(request, e);
    }
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (String id : ranked.page()) {
      Highlight h = marks.get(id);
      hits.add(
          new SearchResults.Hit(
              id,
              ranked.scores().getOrDefault(id, 0f),
              h == null ? null : h.titleHtml(),
              h == null ? null : h.abstractHtml(),
              ranked.byMeaning().contains(id)));
    }
    SearchResults results = new SearchResults(hits, ranked.total(), ranked.totalAtLeast(), null);
    // no word of the query matched: say what to try, even when meaning found something
    if (request.offset() == 0 && ranked.total() == ranked.byMeaning().size()) {
      results = results.withSuggestions(suggestions(request, ranked.total() == 0));
    }
    SearchResults.Indexing behind = indexing.get();
    if (behind != null) {
      results = results.withIndexing(behind);
      notice = join(notice, behindNotice(behind));
    }
    long nanos = System.nanoTime() - started;
    for (Listener l : listeners) {
      l.searched(answered, nanos);
    }
    return notice == null ? results : results.withNotice(notice);
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + " " + b;
  }

  private static String behindNotice(SearchResults.Indexing i) {
    if (i.indexed() < i.papers()) {
      return String.format(
          Locale.ROOT,
          "Still indexing: %,d of %,d papers are searchable so far; results may be missing some.",
          i.indexed(),
          i.papers());
    }
    return String.format(
        Locale.ROOT,
        "Search by meaning covers %,d of %,d papers so far; the rest match by their words.",
        i.embedded(),
        i.papers());
  }

  /**
   * What to try when nothing matched: the query respelled as papers spell its words, fewer words,
   * or the filter without which papers do match (named, with how many).
   */
  private List<SearchResults.Suggestion> suggestions(SearchRequest r, boolean nothing) {
    List<SearchResults.Suggestion> out = new ArrayList<>();
    try {
      index
          .respell(r.query())
          .ifPresent(
              q ->
                  out.add(
                      new SearchResults.Suggestion(
                          SearchResults.Suggestion.Kind.SPELLING, q, null, 0)));
      if (!nothing) {
        return out;
      }
      if (r.query().split("\\s+").length > FEWER_WORDS) {
        out.add(
            new SearchResults.Suggestion(
                SearchResults.Suggestion.Kind.FEWER_WORDS, r.query(), null, 0));
      }
      for (String filter : List.of("category", "code", "dates")) {
        SearchRequest without = without(r, filter);
        if (without != null) {
          long n = index.keyword(without, 1).total();
          if (n > 0) {
            out.add(
                new SearchResults.Suggestion(
                    SearchResults.Suggestion.Kind.WITHOUT_FILTER, r.query(), filter, n));
          }
        }
      }
    } catch (SearchUnavailableException e) {
      log.warn("No suggestions: {}", e.getMessage());
    }
    return out;
  }

  /** The request without one filter, or null when it has no such filter. */
  private static SearchRequest without(SearchRequest r, String filter) {
    return switch (filter) {
      case "category" ->
          r.category() == null
              ? null
              : new SearchRequest(
                  r.query(), r.from(), r.to(), null, r.hasCode(), Order.RELEVANCE, 0, 1);
      case "code" ->
          !r.hasCode()
              ? null
              : new SearchRequest(
                  r.query(), r.from(), r.to(), r.category(), false, Order.RELEVANCE, 0, 1);
      case "dates" ->
          r.from() == null && r.to() == null
              ? null
              : new SearchRequest(
                  r.query(), null, null, r.category(), r.hasCode(), Order.RELEVANCE, 0, 1);
      default -> throw new IllegalArgumentException(filter);
    };
  }

  /**
   * A query that is an arXiv id (or link) asks for that paper: it alone, or nothing when it is not
   * stored (the page then offers to fetch it). Papers that merely mention the number are not it.
   */
  private SearchResults byId(SearchRequest r, ArxivId id) {
    Optional<Paper> paper =
        r.offset() == 0 ? store.find(id.id()).filter(p -> !p.hidden()) : Optional.empty();
    List<SearchResults.Hit> hits = new ArrayList<>();
    paper.ifPresent(p -> hits.add(new SearchResults.Hit(p.id(), 1f, null, null, false)));
    return new SearchResults(hits, hits.size(), false, null);
  }

  /**
   * What search can answer while the index is out of reach: the paper whose arXiv id was typed,
   * read from the database, and a notice that says why there is nothing else.
   */
  private SearchResults withoutIndex(SearchRequest r, SearchUnavailableException e) {
    List<SearchResults.Hit> hits = new ArrayList<>();
    ArxivId.parse(r.query())
        .flatMap(id -> store.find(id.id()))
        .filter(p -> !p.hidden() && r.offset() == 0)
        .ifPresent(p -> hits.add(new SearchResults.Hit(p.id(), 1f, null, null, false)));
    return new SearchResults(hits, hits.size(), false, null)
        .withNotice(
            "Search is unavailable right now ("
                + e.getMessage()
                + "); only a paper looked up by its arXiv id can be shown. Feeds and paper pages"
                + " work as usual.");
  }

  /**
   * One page of ids in order, their scores, the number of matches, and which matched by meaning
   * only.
   */
  private record Ranked(
      List<String> page,
      Map<String, Float> scores,
      long total,
      boolean totalAtLeast,
      Set<String> byMeaning) {

    Ranked(List<String> page, Map<String, Float> scores, long total, boolean totalAtLeast) {
      this(page, scores, total, totalAtLeast, Set.of());
    }
  }

  private static int candidates(SearchRequest r) {
    return Math.max(CANDIDATES, r.offset() + r.limit());
  }

  /** The keyword matches started beside the embedding, or now when there are none. */
  private Matches keywordSide(SearchRequest r, int n, CompletableFuture<Matches> started) {
    if (started == null) {
      return index.keyword(r, n);
    }
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private Ranked rank(
      SearchRequest r, float[] queryVector, SearchMode mode, CompletableFuture<Matches> started) {
    int end = r.offset() + r.limit();
    if (r.order() == SearchRequest.Order.UPVOTES) {
      Matches m = index.keyword(relevance(r), UPVOTE_CANDIDATES);
      List<String> ids = new ArrayList<>();
      m.pinned().forEach(s -> ids.add(s.id()));
      m.ranked().forEach(s -> ids.add(s.id()));
      return new Ranked(
          store.byUpvotes(ids, r.offset(), r.limit()), Map.of(), m.total(), m.totalAtLeast());
    }
    if (queryVector == null) {
      Matches m = index.keyword(r, end);
      List<Scored> all = new ArrayList<>(m.pinned());
      all.addAll(m.ranked());
      return page(r, all, m.total(), m.totalAtLeast());
    }
    int n = candidates(r);
    List<Scored> neighbours = cosines(index.nearest(queryVector, n, r, null));
    if (mode == SearchMode.SEMANTIC) {
      return page(r, neighbours, neighbours.size(), false);
    }
    Matches words = keywordSide(r, n, started);
    // with no word matched, only an unmistakable meaning may answer alone
    boolean meaningful =
        !neighbours.isEmpty() && (words.total() > 0 || neighbours.get(0).score() >= MEANING_GATE);
    List<Fusion.Fused> fused =
        Fusion.convex(
            words.pinned(),
            words.ranked(),
            neighbours,
            keywordWeight(r.query()),
            meaningful ? FLOOR : Float.POSITIVE_INFINITY);
    Map<String, Float> scores = new HashMap<>();
    Set<String> byMeaning = new HashSet<>();
    List<String> ids = new ArrayList<>();
    for (Fusion.Fused f : fused) {
      ids.add(f.id());
      scores.put(f.id(), f.score());
      if (f.byMeaning()) {
        byMeaning.add(f.id());
      }
    }
    // every keyword match counts (the engine counted them), plus the neighbours close enough to be
    // matches by meaning; neighbours are only looked for as deep as the page needs
    long total = words.total() + byMeaning.size();
    boolean atLeast = words.totalAtLeast() || (byMeaning.size() > 0 && neighbours.size() >= n);
    return new Ranked(slice(ids, r), scores, total, atLeast, byMeaning);
  }

  /** Engines score a neighbour (1 + cosine) / 2; fusion and the floor speak cosine. */
  private static List<Scored> cosines(List<Scored> neighbours) {
    List<Scored> out = new ArrayList<>(neighbours.size());
    for (Scored s : neighbours) {
      out.add(new Scored(s.id(), 2 * s.score() - 1));
    }
    return out;
  }

  /**
   * How much the keyword side weighs against meaning for this query (0 to 1): a short query is
   * words someone remembers (BM25 with its phrase boost is right far more often than the nearest
   * neighbours), a long one is a description, where meaning carries more.
   */
  static double keywordWeight(String query) {
    return query.strip().split("\\s+").length <= SHORT_QUERY_WORDS
        ? SHORT_QUERY_WEIGHT
        : LONG_QUERY_WEIGHT;
  }

  private static Ranked page(SearchRequest r, List<Scored> all, long total, boolean atLeast) {
    Map<String, Float> scores = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Scored s : all) {
      ids.add(s.id());
      scores.put(s.id(), s.score());
    }
    return new Ranked(slice(ids, r), scores, total, atLeast);
  }

  private static List<String> slice(List<String> ids, SearchRequest r) {
    return List.copyOf(
        ids.subList(
            Math.min(r.offset(), ids.size()), Math.min(ids.size(), r.offset() + r.limit())));
  }

  private static SearchRequest relevance(SearchRequest r) {
    return new SearchRequest(
        r.query(),
        r.from(),
        r.to(),
        r.category(),
        r.hasCode(),
        SearchRequest.Order.RELEVANCE,
        0,
        UPVOTE_CANDIDATES);
  }

  /**
   * Where the index stands against the database, or null when it is in step: searches say so while
   * it is behind. Asked on every search, so it must be cheap.
   */
  public void reportIndexing(Supplier<SearchResults.Indexing> indexing) {
    this.indexing = indexing;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Papers nearest in meaning to the given one; empty when it has no vector yet. */
  public List<String> similar(String id, int k) {
    Embedder e = model.loaded().orElse(null);
    if (e == null) {
      return List.of();
    }
    float[] v = vectors.find(e.model(), List.of(id)).get(id);
    if (v == null) {
      return List.of();
    }
    try {
      return index.nearest(v, k, null, id).stream().map(Scored::id).toList();
    } catch (SearchUnavailableException unavailable) {
      log.warn("Similar papers are unavailable: {}", unavailable.getMessage());
      return List.of();
    }
  }
}
