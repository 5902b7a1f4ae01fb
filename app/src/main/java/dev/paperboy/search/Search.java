package dev.paperboy.search;

import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.storage.Leases;
import java.time.Duration;
import java.util.Optional;

/**
 * Search as one process runs it: the index, the service that answers queries, the follower that
 * keeps the index in step with the change log and the embedding backlog. Built by the composition
 * root around whichever engine holds the index.
 */
public final class Search implements AutoCloseable {

  private final PaperIndex index;
  private final EmbeddingModel model;
  private final SearchService service;
  private final IndexFollower follower;
  private final EmbeddingBacklog backlog;
  private final PaperStore store;
  private final PaperVectors vectors;

  /**
   * @param node this process's name in the cluster (recorded with its embedding claims)
   * @param leases this node's leases: a shared index is followed by one node of the cluster
   */
  public Search(
      PaperIndex index,
      PaperStore store,
      PaperVectors vectors,
      PaperChanges changes,
      String modelName,
      String node,
      Leases leases) {
    this.index = index;
    this.store = store;
    this.vectors = vectors;
    this.model = new EmbeddingModel(modelName);
    this.service = new SearchService(index, store, vectors, model);
    this.follower = new IndexFollower(index, store, vectors, changes, model, leases);
    this.backlog = new EmbeddingBacklog(model, store, vectors, node);
    this.service.reportIndexing(this::indexing);
  }

  /** Log rows the index may lag before searches say it is behind (a big import, a rebuild). */
  private static final long BEHIND_ROWS = 200;

  /** Searches ask on every query; the answer is kept this long. */
  private static final long INDEXING_CHECK_NANOS = 2_000_000_000L;

  private volatile long indexingCheckedAt = System.nanoTime() - 2 * INDEXING_CHECK_NANOS;
  private volatile SearchResults.Indexing indexing;

  /**
   * Where the index stands, or null when it is in step: behind when it has not read a big part of
   * the change log yet, or when the model has embedded less than all papers (search by meaning
   * misses the rest).
   */
  private SearchResults.Indexing indexing() {
    long now = System.nanoTime();
    if (now - indexingCheckedAt < INDEXING_CHECK_NANOS) {
      return indexing;
    }
    indexingCheckedAt = now;
    try {
      long papers = store.countAll();
      long embedded = model.configured() ? vectors.count(model.name()) : papers;
      long lag = follower.lag();
      boolean behind = lag > BEHIND_ROWS || (model.configured() && embedded < papers);
      indexing =
          behind
              ? new SearchResults.Indexing(
                  Math.min(papers, index.count()), papers, Math.min(embedded, papers))
              : null;
    } catch (RuntimeException e) {
      indexing = null; // a search must not fail for its progress line
    }
    return indexing;
  }

  /** The index itself, for this package's tools and tests. */
  PaperIndex index() {
    return index;
  }

  public SearchService service() {
    return service;
  }

  public IndexFollower follower() {
    return follower;
  }

  public EmbeddingBacklog backlog() {
    return backlog;
  }

  public EmbeddingModel model() {
    return model;
  }

  /**
   * Starts a serving process's background work: follow the change log every {@code period}, load
   * the model and work through the embedding backlog.
   */
  public void start(Duration period) {
    follower.start(period);
    backlog.start();
  }

  /** Why the index cannot be read now, or empty when it can. */
  public Optional<String> indexProblem() {
    return index.problem();
  }

  /** True when all nodes search one shared index (a search cluster), not one of their own. */
  public boolean indexShared() {
    return index.shared();
  }

  /** The parts a query searches one by one; 1 once merged (see {@link IndexFollower}). */
  public int indexSegments() {
    return index.segments();
  }

  public int indexedCount() {
    return index.count();
  }

  /** How far the semantic side is: papers with vectors, of all papers. */
  public Status status() {
    int indexed;
    try {
      indexed = index.count();
    } catch (SearchUnavailableException e) {
      indexed = -1; // the search cluster is out of reach; indexProblem() says why
    }
    return new Status(
        model.name(),
        model.loaded().isPresent(),
        model.problem(),
        indexed,
        model.configured() ? vectors.count(model.name()) : 0,
        store.countAll());
  }

  /**
   * What the status command and page show ({@code indexed} is -1 when the index is out of reach).
   */
  public record Status(
      String model, boolean modelLoaded, String problem, int indexed, int embedded, int papers) {}

  @Override
  public void close() {
    // no interrupts: an interrupted thread writing the index closes Lucene's file channels, so the
    // background work sees the flag and stops after its current batch (about a second)
    follower.close();
    backlog.close();
    index.close();
    model.close();
  }
}
