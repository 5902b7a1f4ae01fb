package dev.paperboy;

import java.time.Duration;

/**
 * Waiting for something another thread or node does (a background tick, a follower's round): asks
 * every few milliseconds and fails, saying what it waited for, when the time is up.
 */
public final class Poll {

  /** A question that may throw, asked until it answers true. */
  @FunctionalInterface
  public interface Condition {
    boolean met() throws Exception;
  }

  private static final long EVERY_MILLIS = 20;

  private Poll() {}

  /**
   * Returns once {@code condition} is met; an AssertionError naming {@code what} after {@code
   * limit}.
   */
  public static void until(Duration limit, String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.met()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
      }
      Thread.sleep(EVERY_MILLIS);
    }
  }
}
