package dev.paperboy.community;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving process's background thread that completes pending submissions (asking arXiv), so web
 * requests never wait on arXiv. It runs every few seconds, at once when woken, and after a restart
 * it picks up whatever was left pending.
 */
public final class SubmissionWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SubmissionWorker.class);

  private final Submissions submissions;
  private ScheduledExecutorService thread;

  public SubmissionWorker(Submissions submissions) {
    this.submissions = submissions;
  }

  public synchronized void start(long periodMillis) {
    if (thread != null) {
      return;
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "submissions");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(this::run, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Asks the worker to look at pending requests now rather than at its next tick. */
  public synchronized void wake() {
    if (thread != null) {
      thread.execute(this::run);
    }
  }

  private void run() {
    try {
      int done = submissions.processPending();
      if (done > 0) {
        log.info("Completed {} pending submissions", done);
      }
    } catch (RuntimeException e) {
      log.error("Completing pending submissions failed; will retry", e);
    }
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdown();
      try {
        thread.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }
}
