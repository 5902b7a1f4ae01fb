package dev.paperboy.schedule;

import dev.paperboy.storage.Leases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named daemon thread that runs one task now and then again a fixed delay after each run ends,
 * and on {@link #wake} in between. The serving process's background work (submissions, mail,
 * harvests) each runs on one.
 *
 * <p>A ticker made by {@link #oncePerCluster} runs its task only on the node holding the lease of
 * its name: every node contends for the lease a few times per {@link Leases#TTL}, the holder keeps
 * renewing it (during a long run too), and when the holder stops or dies another node takes the
 * lease and the work over.
 */
public final class Ticker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Ticker.class);

  private final String name;
  private final Runnable task;
  private final boolean interruptOnClose;
  private final Leases leases;
  private final Duration renewEvery;
  private ScheduledExecutorService thread;
  private ScheduledExecutorService keeper;
  private volatile boolean held;

  /**
   * @param interruptOnClose whether {@link #close} interrupts a run in progress (one that can stop
   *     anywhere and resume) instead of waiting for it
   */
  public Ticker(String name, Runnable task, boolean interruptOnClose) {
    this(name, task, interruptOnClose, null, null);
  }

  private Ticker(
      String name, Runnable task, boolean interruptOnClose, Leases leases, Duration renewEvery) {
    this.name = name;
    this.task = leases == null ? task : () -> runHolding(task);
    this.interruptOnClose = interruptOnClose;
    this.leases = leases;
    this.renewEvery = renewEvery;
  }

  /**
   * A ticker whose task runs on one node of the cluster at a time: the holder of lease {@code
   * name}.
   */
  public static Ticker oncePerCluster(
      String name, Runnable task, boolean interruptOnClose, Leases leases) {
    return oncePerCluster(name, task, interruptOnClose, leases, Leases.TTL.dividedBy(3));
  }

  /** The same renewing (or trying to take) the lease every {@code renewEvery}. */
  static Ticker oncePerCluster(
      String name, Runnable task, boolean interruptOnClose, Leases leases, Duration renewEvery) {
    return new Ticker(name, task, interruptOnClose, leases, renewEvery);
  }

  /** Whether this node held the lease at its last try (always false without one). */
  public boolean holdsLease() {
    return held;
  }

  private void runHolding(Runnable work) {
    if (renew()) {
      work.run();
    }
  }

  /**
   * Renews the lease; a node that just took it over runs the work at once, not at its next tick.
   */
  private void keep() {
    boolean was = held;
    if (renew() && !was) {
      wake();
    }
  }

  /** Takes or renews the lease; a database that cannot answer means not holding it. */
  private boolean renew() {
    boolean was = held;
    try {
      held = leases.hold(name);
    } catch (RuntimeException e) {
      held = false;
      log.warn("Cannot renew the {} lease: {}", name, e.getMessage());
    }
    if (held != was) {
      log.info(
          held ? "This node ({}) holds the {} lease" : "This node ({}) lost the {} lease",
          leases.node(),
          name);
    }
    return held;
  }

  public synchronized void start(Duration delay) {
    if (thread != null) {
      return;
    }
    thread = daemon(name);
    thread.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    if (leases != null) {
      // its own thread, so a long run on the other one does not let the lease lapse
      keeper = daemon(name + "-lease");
      long every = renewEvery.toMillis();
      keeper.scheduleWithFixedDelay(this::keep, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs the task now rather than at the next tick (if started). */
  public void wake() {
    runNow(task);
  }

  /**
   * Runs {@code work} on this thread now, between ticks (if started), lease or not: only for work
   * that is safe on any node.
   */
  public synchronized void runNow(Runnable work) {
    if (thread != null) {
      thread.execute(work);
    }
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Stops ticking, waits up to 30 seconds for a run in progress, and gives up the lease so another
   * node takes the work over at once.
   */
  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    if (keeper != null) {
      keeper.shutdownNow();
      keeper = null;
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
    if (leases != null) {
      held = false;
      try {
        leases.release(name);
      } catch (RuntimeException e) {
        log.warn("Cannot give up the {} lease; it expires by itself: {}", name, e.getMessage());
      }
    }
  }
}
