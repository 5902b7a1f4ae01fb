package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.PaperIndex.Highlight;
import dev.paperboy.search.PaperIndex.Matches;
import dev.paperboy.search.PaperIndex.Scored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /** Neighbours and keyword matches fused for a hybrid page (more when the page is deeper). */
  private static final int CANDIDATES = 100;

  /** Matches the upvote order ranks: the best this many by relevance. */
  static final int UPVOTE_CANDIDATES = 1000;

  private final PaperIndex index;
  private final PaperStore store;
  private final PaperVectors vectors;
  private final EmbeddingModel model;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

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
    float[] queryVector = null;
    String notice = null;
    if (mode != SearchMode.KEYWORD && request.order() == SearchRequest.Order.RELEVANCE) {
      Embedder e = model.loaded().orElse(null);
      if (e == null) {
        notice =
            model.problem() != null
                ? "Search by meaning is unavailable ("
                    + model.problem()
                    + "); showing keyword matches."
                : "Search by meaning is starting up; showing keyword matches.";
      } else {
        try {
          queryVector = e.embedQuery(request.query());
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
      ranked = rank(request, queryVector, answered);
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
              h == null ? null : h.abstractHtml()));
    }
    long nanos = System.nanoTime() - started;
    for (Listener l : listeners) {
      l.searched(answered, nanos);
    }
    SearchResults results = new SearchResults(hits, ranked.total(), ranked.totalAtLeast(), null);
    return notice == null ? results : results.withNotice(notice);
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
        .ifPresent(p -> hits.add(new SearchResults.Hit(p.id(), 1f, null, null)));
    return new SearchResults(hits, hits.size(), false, null)
        .withNotice(
            "Search is unavailable right now ("
                + e.getMessage()
                + "); only a paper looked up by its arXiv id can be shown. Feeds and paper pages"
                + " work as usual.");
  }

  /** One page of ids in order, their scores, and the number of matches. */
  private record Ranked(
      List<String> page, Map<String, Float> scores, long total, boolean totalAtLeast) {}

  private Ranked rank(SearchRequest r, float[] queryVector, SearchMode mode) {
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
    int n = Math.max(CANDIDATES, end);
    List<Scored> neighbours = index.nearest(queryVector, n, r, null);
    if (mode == SearchMode.SEMANTIC) {
      return page(r, neighbours, neighbours.size(), false);
    }
    Matches words = index.keyword(r, n);
    List<String> fused = Fusion.reciprocalRank(words.pinned(), words.ranked(), neighbours);
    Map<String, Float> scores = new HashMap<>();
    for (int i = 0; i < fused.size(); i++) {
      scores.put(fused.get(i), (float) (fused.size() - i));
    }
    return new Ranked(slice(fused, r), scores, fused.size(), false);
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
