package dev.paperboy.community;

import dev.paperboy.schedule.Ticker;
import java.time.Duration;
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
  private final Ticker ticker;

  public SubmissionWorker(Submissions submissions) {
    this.submissions = submissions;
    this.ticker = new Ticker("submissions", this::run, false);
  }

  public void start(long periodMillis) {
    ticker.start(Duration.ofMillis(periodMillis));
  }

  /** Asks the worker to look at pending requests now rather than at its next tick. */
  public void wake() {
    ticker.wake();
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
  public void close() {
    ticker.close();
  }
}
