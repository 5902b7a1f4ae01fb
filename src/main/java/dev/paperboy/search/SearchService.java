package dev.paperboy.search;

import dev.paperboy.paper.PaperStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over every stored paper, kept in step with the database: changes made in this process are
 * indexed as they commit, and a background task picks up what other processes (an {@code import}
 * run beside the server) or a crash left behind.
 */
public final class SearchService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final int CHUNK = 2000;

  private final PaperIndex index;
  private final PaperStore store;
  private ScheduledExecutorService follower;

  public SearchService(Path indexDir, PaperStore store) {
    this.index = PaperIndex.open(indexDir);
    this.store = store;
    // changes from this process become searchable at once; only catchUp moves the watermark, so
    // an older change committed by another process is never skipped
    store.addChangeListener((papers, stamp) -> index.index(papers, null));
  }

  public SearchResults search(SearchRequest request) {
    return index.search(request);
  }

  public int indexedCount() {
    return index.count();
  }

  /**
   * Indexes every paper the database changed since the index's last commit; returns how many.
   * Progress goes to {@code progress} when it is not null.
   */
  public synchronized long catchUp(PrintStream progress) {
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    store.changedSince(
        index.watermark().orElse(""),
        CHUNK,
        (papers, stamp) -> {
          index.index(papers, stamp);
          long n = done.addAndGet(papers.size());
          if (progress != null) {
            double s = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            progress.printf(Locale.ROOT, "index: %,d papers (%,.0f/s)%n", n, n / s);
          }
        });
    return done.get();
  }

  /** Drops the index and builds it again from the database. */
  public synchronized long rebuild(PrintStream progress) {
    index.clear();
    return catchUp(progress);
  }

  /** Starts following the database: every few seconds, index what changed. */
  public void follow(long periodMillis) {
    follower =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "search-follower");
              t.setDaemon(true);
              return t;
            });
    follower.scheduleWithFixedDelay(
        () -> {
          try {
            long n = catchUp(null);
            if (n > 0) {
              log.info("Indexed {} papers changed in the database", n);
            }
          } catch (RuntimeException e) {
            log.error("Keeping the search index in step failed; will retry", e);
          }
        },
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.shutdownNow();
      try {
        follower.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    index.close();
  }
}
