package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over every stored paper, kept in step with the database. Changes made in this process are
 * indexed as they commit; a follower picks up what other processes or a crash left behind; an
 * embedding backlog gives papers their vectors, so a paper is findable by keyword at once and by
 * meaning once embedded. Without a model, search answers by keyword and says so.
 */
public final class SearchService implements AutoCloseable {

  /** The model name that turns the semantic side off. */
  public static final String NO_MODEL = "none";

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final int CHUNK = 2000;
  private static final int EMBED_BATCH = 32;
  private static final int BACKLOG_SCAN = 5000;

  private final PaperIndex index;
  private final PaperStore store;
  private final PaperVectors vectors;
  private final String modelName;
  private volatile Embedder embedder;
  private volatile String semanticProblem;
  private volatile boolean closing;
  private ScheduledExecutorService background;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong embeddedHere = new AtomicLong();

  /** Told about every search this service answers (the serving process's metrics listen). */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param mode the mode that answered (keyword when the semantic side could not)
     * @param nanos the time taken, query embedding included
     */
    void searched(SearchMode mode, long nanos);
  }

  public SearchService(Path indexDir, PaperStore store, PaperVectors vectors, String modelName) {
    this(PaperIndex.open(indexDir), store, vectors, modelName);
  }

  SearchService(PaperIndex index, PaperStore store, PaperVectors vectors, String modelName) {
    this.index = index;
    this.store = store;
    this.vectors = vectors;
    this.modelName = modelName;
    if (NO_MODEL.equals(modelName)) {
      semanticProblem = "no embedding model is configured";
    }
    // changes from this process become searchable at once; only catchUp moves the watermark, so
    // an older change committed by another process is never skipped
    // a failure here must not fail the database write: the follower's next catch-up retries it
    store.addChangeListener(
        (papers, stamp) ->
            guarded("indexing " + papers.size() + " changed papers", () -> index(papers, null)));
  }

  /** Loads the embedding model now (it takes a second or two); failures turn semantic off. */
  public synchronized Optional<Embedder> loadModel() {
    if (embedder == null && semanticProblem == null) {
      try {
        long started = System.nanoTime();
        embedder = OnnxEmbedders.load(modelName);
        log.info(
            "Embedding model {} loaded in {} ms",
            modelName,
            (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException | LinkageError e) {
        semanticProblem = "the embedding model " + modelName + " could not load: " + e.getMessage();
        log.warn("Semantic search is off: {}", semanticProblem);
      }
    }
    return Optional.ofNullable(embedder);
  }

  public SearchResults search(SearchRequest request) {
    return search(request, SearchMode.HYBRID);
  }

  public SearchResults search(SearchRequest request, SearchMode mode) {
    return search(request, mode, true);
  }

  /**
   * Searches in the given mode; without {@code highlight} the hits carry no snippets, which is what
   * ranking-only callers (evaluation, benchmarks) want.
   */
  public SearchResults search(SearchRequest request, SearchMode mode, boolean highlight) {
    long started = System.nanoTime();
    Embedder e = embedder;
    float[] queryVector = null;
    String notice = null;
    if (mode != SearchMode.KEYWORD && request.order() == SearchRequest.Order.RELEVANCE) {
      if (e == null) {
        notice =
            semanticProblem != null
                ? "Search by meaning is unavailable ("
                    + semanticProblem
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
    SearchResults results = index.search(request, queryVector, answered, highlight);
    long nanos = System.nanoTime() - started;
    for (Listener l : listeners) {
      l.searched(answered, nanos);
    }
    return notice == null ? results : results.withNotice(notice);
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Papers nearest in meaning to the given one; empty when it has no vector yet. */
  public List<String> similar(String id, int k) {
    Embedder e = embedder;
    if (e == null) {
      return List.of();
    }
    float[] v = vectors.find(e.model(), List.of(id)).get(id);
    return v == null ? List.of() : index.nearest(v, k, id);
  }

  public int indexedCount() {
    return index.count();
  }

  /**
   * Paper changes the index's last commit has not caught up with: changed in the database after the
   * watermark. Changes made in this process are searchable at once but count here until the
   * follower's next catch-up commits them (every two seconds).
   */
  public long indexLag() {
    return store.countChangedSince(index.watermark().orElse(""));
  }

  /** Papers without a vector for the configured model yet (0 without a model). */
  public long embeddingBacklog() {
    return NO_MODEL.equals(modelName)
        ? 0
        : Math.max(0, store.countAll() - vectors.count(modelName));
  }

  /** Papers this process has embedded since it started. */
  public long embeddedHere() {
    return embeddedHere.get();
  }

  /** Why the index cannot be read now, or empty when it can. */
  public Optional<String> indexProblem() {
    try {
      index.count();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /** How far the semantic side is: papers with vectors, of all papers. */
  public Status status() {
    return new Status(
        modelName,
        embedder != null,
        semanticProblem,
        index.count(),
        NO_MODEL.equals(modelName) ? 0 : vectors.count(modelName),
        store.countAll());
  }

  /** What the status command and page show. */
  public record Status(
      String model, boolean modelLoaded, String problem, int indexed, int embedded, int papers) {}

  /**
   * Indexes every paper the database changed since the index's last commit; returns how many.
   * Progress goes to {@code progress} when it is not null.
   */
  public synchronized long catchUp(PrintStream progress) {
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    try {
      store.changedSince(
          index.watermark().orElse(""),
          CHUNK,
          (papers, stamp) -> {
            if (closing) {
              throw new Closing();
            }
            index(papers, stamp);
            long n = done.addAndGet(papers.size());
            if (progress != null) {
              double s = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
              progress.printf(Locale.ROOT, "index: %,d papers (%,.0f/s)%n", n, n / s);
            }
          });
    } catch (Closing stop) {
      // the committed watermark says where the next start goes on
    }
    return done.get();
  }

  /** Stops a catch-up between two committed chunks when the service closes. */
  private static final class Closing extends RuntimeException {
    Closing() {
      super("closing", null, false, false);
    }
  }

  /**
   * Drops the index and builds it again from the database, with the stored vectors, then merges it
   * into one segment for the fastest queries.
   */
  public synchronized long rebuild(PrintStream progress) {
    index.clear();
    long indexed = catchUp(progress);
    if (progress != null) {
      progress.println("merging the index into one segment...");
    }
    long started = System.nanoTime();
    index.mergeFully();
    if (progress != null) {
      progress.printf(Locale.ROOT, "merged in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
    return indexed;
  }

  /**
   * Embeds up to {@code max} papers that have no vector yet, stores and indexes their vectors;
   * returns how many it embedded (0 when the backlog is empty or there is no model).
   */
  public long embedBacklog(long max, PrintStream progress) {
    Embedder e = loadModel().orElse(null);
    if (e == null) {
      return 0;
    }
    long done = 0;
    long started = System.nanoTime();
    int total = vectors.count(e.model());
    int papers = store.countAll();
    while (done < max && !closing) {
      List<String> todo = vectors.missing(e.model(), (int) Math.min(BACKLOG_SCAN, max - done));
      if (todo.isEmpty()) {
        break;
      }
      for (int i = 0; i < todo.size() && !closing; i += EMBED_BATCH) {
        List<Paper> batch = store.findAll(todo.subList(i, Math.min(todo.size(), i + EMBED_BATCH)));
        Map<String, float[]> embedded = new LinkedHashMap<>();
        for (Paper p : batch) {
          embedded.put(p.id(), e.embedPassage(p.title() + ". " + p.abstractText()));
        }
        vectors.save(e.model(), embedded);
        index.index(batch, embedded, null);
        done += batch.size();
        embeddedHere.addAndGet(batch.size());
        if (progress != null) {
          double s = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
          progress.printf(
              Locale.ROOT,
              "embed: %,d papers (%,.1f/s), %,d of %,d have vectors%n",
              done,
              done / s,
              total + done,
              papers);
        }
      }
    }
    return done;
  }

  /**
   * Starts the background work of a serving process: load the model, follow the database every
   * {@code periodMillis}, and work through the embedding backlog.
   */
  public void follow(long periodMillis) {
    background =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "search-background");
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    background.scheduleWithFixedDelay(
        () ->
            guarded(
                "keeping the search index in step",
                () -> {
                  long n = catchUp(null);
                  if (n > 0) {
                    log.info("Indexed {} papers changed in the database", n);
                  }
                }),
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(
        () ->
            guarded(
                "embedding the backlog",
                () -> {
                  long n = embedBacklog(Long.MAX_VALUE, null);
                  if (n > 0) {
                    log.info("Embedded {} papers; search by meaning covers them now", n);
                  }
                }),
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }

  private static void guarded(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("{} failed; will retry", what, e);
    }
  }

  private void index(Collection<Paper> papers, String stamp) {
    Map<String, float[]> known =
        NO_MODEL.equals(modelName)
            ? Map.of()
            : vectors.find(modelName, papers.stream().map(Paper::id).toList());
    index.index(papers, known, stamp);
  }

  @Override
  public void close() {
    // no interrupts: an interrupted thread writing the index closes Lucene's file channels, so the
    // background work sees the flag and stops after its current batch (about a second)
    closing = true;
    if (background != null) {
      background.shutdown();
      try {
        if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("Search background work did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    index.close();
    Embedder e = embedder;
    if (e != null) {
      e.close();
    }
  }
}
