package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperChanges.Position;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.schedule.Ticker;
import dev.paperboy.storage.Leases;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PaperIndex} in step with the database by reading its change log: each round
 * indexes the papers changed since the index's watermark (as stored now, with their vectors),
 * removes hidden ones, commits the index and only then moves the watermark, kept in the database. A
 * crash anywhere repeats a round, which is harmless. Every node runs one for its own index; a
 * shared index (a search server) is followed by the node holding the lease.
 */
public final class IndexFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
  private static final int CHUNK = 2000;

  /** The lease of the one node that follows the log into a shared index. */
  static final String LEASE = "search-index-follower";

  /** How often a node compacts the change log, and how many superseded rows at most each time. */
  private static final Duration COMPACT_EVERY = Duration.ofMinutes(10);

  private static final int COMPACT_LIMIT = 50_000;

  /**
   * An index that took no change for this long, and has more than one segment, is merged into one:
   * increments leave a dozen segments, each searched on its own (hybrid p50 4.5-6.7 ms at 270K
   * papers against 3.9-4.4 merged). Searches go on during the merge; changes wait for it.
   */
  static final Duration IDLE_BEFORE_MERGE = Duration.ofMinutes(2);

  /** At most one merge in this long, however the changes come: a merge rewrites the index. */
  static final Duration MERGE_AT_MOST_EVERY = Duration.ofMinutes(30);

  private final PaperIndex index;
  private final PaperStore store;
  private final PaperVectors vectors;
  private final PaperChanges changes;
  private final EmbeddingModel model;
  private final Ticker ticker;
  private volatile boolean closing;
  private long compactedAt = System.nanoTime();
  private long changedAt = System.nanoTime();
  private long mergedAt = System.nanoTime() - MERGE_AT_MOST_EVERY.toNanos();

  public IndexFollower(
      PaperIndex index,
      PaperStore store,
      PaperVectors vectors,
      PaperChanges changes,
      EmbeddingModel model,
      Leases leases) {
    this.index = index;
    this.store = store;
    this.vectors = vectors;
    this.changes = changes;
    this.model = model;
    // a shared index (a search server) is fed by one node of the cluster at a time
    this.ticker =
        index.shared()
            ? Ticker.oncePerCluster(LEASE, this::round, false, leases)
            : new Ticker("index-follower", this::round, false);
  }

  /** Follows the log from now on, a round every {@code period} (a serving process). */
  public void start(Duration period) {
    ticker.start(period);
  }

  private void round() {
    try {
      long n = catchUp(null);
      long now = System.nanoTime();
      if (n > 0) {
        log.debug("Indexed {} changed papers", n);
        changedAt = now;
      } else if (now - changedAt > IDLE_BEFORE_MERGE.toNanos()
          && now - mergedAt > MERGE_AT_MOST_EVERY.toNanos()) {
        mergeIfFragmented();
      }
      if (System.nanoTime() - compactedAt > COMPACT_EVERY.toNanos()) {
        compactedAt = System.nanoTime();
        int dropped = changes.compact(COMPACT_LIMIT);
        log.debug("Compacted the change log: {} superseded changes dropped", dropped);
      }
    } catch (RuntimeException e) {
      log.error("Keeping the search index in step failed; will retry", e);
    }
  }

  /** Merges a writable index that increments left in several segments; true if it did. */
  synchronized boolean mergeIfFragmented() {
    int segments = index.writable() ? index.segments() : 1;
    if (segments <= 1 || closing) {
      return false;
    }
    long started = System.nanoTime();
    mergedAt = started;
    index.optimize();
    log.info(
        "Merged the idle search index from {} segments into {} in {} ms",
        segments,
        index.segments(),
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** True when this node follows the log into a shared index now (it holds the lease). */
  public boolean leading() {
    return ticker.holdsLease();
  }

  /** Where this index has read the log up to. */
  public Position watermark() {
    return changes.watermark(index.id()).orElse(Position.START);
  }

  /**
   * Indexes every change logged since the watermark; returns how many papers it indexed or removed.
   * Progress goes to {@code progress} when it is not null.
   */
  public synchronized long catchUp(PrintStream progress) {
    return catchUp(index, progress);
  }

  private long catchUp(PaperIndex target, PrintStream progress) {
    if (!target.writable()) {
      return 0;
    }
    String indexId = target.id();
    Position at = changes.watermark(indexId).orElse(Position.START);
    long done = 0;
    long started = System.nanoTime();
    while (!closing) {
      PaperChanges.Batch batch = changes.after(at, CHUNK);
      if (batch.ids().isEmpty()) {
        break;
      }
      apply(target, batch.ids());
      target.commit();
      changes.saveWatermark(indexId, batch.end());
      at = batch.end();
      done += batch.ids().size();
      if (progress != null) {
        double s = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        progress.printf(Locale.ROOT, "index: %,d papers (%,.0f/s)%n", done, done / s);
      }
    }
    return done;
  }

  private void apply(PaperIndex target, List<String> ids) {
    List<Paper> papers = store.findAll(ids);
    Map<String, float[]> known =
        model.configured()
            ? vectors.find(model.name(), papers.stream().map(Paper::id).toList())
            : Map.of();
    List<PaperIndex.Document> docs = new ArrayList<>();
    Set<String> gone = new HashSet<>(ids);
    for (Paper p : papers) {
      if (!p.hidden()) {
        docs.add(documentOf(p, known.get(p.id())));
        gone.remove(p.id());
      }
    }
    target.put(docs);
    // hidden by a moderator, or no longer stored: search must not find it
    target.delete(gone);
  }

  static PaperIndex.Document documentOf(Paper p, float[] vector) {
    return new PaperIndex.Document(
        p.id(),
        p.title(),
        p.abstractText(),
        p.authors(),
        p.categories(),
        p.dailyDate(),
        p.githubRepo() != null,
        vector);
  }

  /**
   * Builds the index again from the database (a new index id reads the whole log) and optimises it
   * for the fastest queries. A search server builds the new index beside the served one and then
   * switches to it, so searches go on; the embedded index is emptied and rebuilt in place.
   */
  public synchronized long rebuild(PrintStream progress) {
    // a paper logged more than once (imported, then embedded) is read from the log once
    long dropped = 0;
    for (int n; (n = changes.compact(COMPACT_LIMIT)) > 0; ) {
      dropped += n;
    }
    if (progress != null && dropped > 0) {
      progress.printf(Locale.ROOT, "change log: %,d superseded changes dropped%n", dropped);
    }
    PaperIndex fresh = index.emptyForRebuild();
    String old = index.id();
    long indexed = catchUp(fresh, progress);
    if (progress != null) {
      progress.println("merging the index into one segment...");
    }
    long started = System.nanoTime();
    fresh.optimize();
    if (progress != null) {
      progress.printf(Locale.ROOT, "merged in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
    if (fresh != index) {
      index.replaceWith(fresh);
      changes.forgetWatermark(old);
      if (progress != null) {
        progress.println("now searching " + fresh.id() + " (was " + old + ")");
      }
    }
    return indexed;
  }

  /** Log rows this index has not read yet: how far it lags the database. */
  public long lag() {
    return changes.countAfter(watermark());
  }

  /** Stops following after the current chunk (a catch-up resumes from the watermark). */
  @Override
  public void close() {
    closing = true;
    ticker.close();
  }
}
