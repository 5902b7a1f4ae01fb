package dev.paperboy.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A named daemon thread that runs one task now and then again a fixed delay after each run ends,
 * and on {@link #wake} in between. The serving process's background work (submissions, mail,
 * harvests) each runs on one.
 */
public final class Ticker implements AutoCloseable {

  private final String name;
  private final Runnable task;
  private final boolean interruptOnClose;
  private ScheduledExecutorService thread;

  /**
   * @param interruptOnClose whether {@link #close} interrupts a run in progress (one that can stop
   *     anywhere and resume) instead of waiting for it
   */
  public Ticker(String name, Runnable task, boolean interruptOnClose) {
    this.name = name;
    this.task = task;
    this.interruptOnClose = interruptOnClose;
  }

  public synchronized void start(Duration delay) {
    if (thread != null) {
      return;
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the task now rather than at the next tick (if started). */
  public void wake() {
    runNow(task);
  }

  /** Runs {@code work} on this thread now, between ticks (if started). */
  public synchronized void runNow(Runnable work) {
    if (thread != null) {
      thread.execute(work);
    }
  }

  /** Stops ticking and waits up to 30 seconds for a run in progress. */
  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    if (interruptOnClose) {
      thread.shutdownNow();
    } else {
      thread.shutdown();
    }
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }
}
