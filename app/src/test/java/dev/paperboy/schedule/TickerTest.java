package dev.paperboy.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Work meant to run once across the nodes runs on the lease holder, and moves when it stops. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TickerTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-24T07:00:00Z");
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("paperboy.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A node's ticker whose runs count in {@code runs} and release one permit each. */
  Ticker node(String name, AtomicInteger runs, Semaphore ran) {
    return Ticker.oncePerCluster(
        "work",
        () -> {
          runs.incrementAndGet();
          ran.release();
        },
        false,
        new Leases(db, name, clock));
  }

  /** Waits until everything the ticker was asked to do before this call has run. */
  static void settle(Ticker ticker) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    ticker.runNow(done::countDown);
    assertTrue(done.await(10, TimeUnit.SECONDS));
  }

  @Test
  void onlyTheHolderRunsAndTheOtherTakesOverWhenItStops() throws Exception {
    AtomicInteger runsA = new AtomicInteger();
    AtomicInteger runsB = new AtomicInteger();
    Semaphore ranA = new Semaphore(0);
    Semaphore ranB = new Semaphore(0);
    Ticker a = node("node-a", runsA, ranA);
    Ticker b = node("node-b", runsB, ranB);
    try {
      a.start(Duration.ofHours(1));
      assertTrue(ranA.tryAcquire(10, TimeUnit.SECONDS));
      b.start(Duration.ofHours(1));
      b.wake();
      settle(b);
      assertEquals(0, runsB.get(), "b ticked twice without the lease");
      assertTrue(a.holdsLease());
      assertFalse(b.holdsLease());

      a.close(); // gives the lease up
      b.wake();
      assertTrue(ranB.tryAcquire(10, TimeUnit.SECONDS), "b takes over at its next tick");
      assertTrue(b.holdsLease());
      assertEquals(1, runsA.get());
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aNodeThatTakesTheLeaseOverRunsTheWorkAtOnce() throws Exception {
    Leases dead = new Leases(db, "dead-node", clock);
    assertTrue(dead.hold("work"));
    AtomicInteger runs = new AtomicInteger();
    Semaphore ran = new Semaphore(0);
    try (Ticker b =
        Ticker.oncePerCluster(
            "work",
            () -> {
              runs.incrementAndGet();
              ran.release();
            },
            false,
            new Leases(db, "node-b", clock),
            Duration.ofMillis(50))) {
      b.start(Duration.ofHours(1)); // its ticks are an hour apart
      settle(b);
      assertEquals(0, runs.get());
      clock.advance(Leases.TTL);
      assertTrue(ran.tryAcquire(10, TimeUnit.SECONDS), "the keeper took it and ran the work");
    }
  }

  @Test
  void aHolderThatDiesIsReplacedOnceItsLeaseExpires() throws Exception {
    assertTrue(new Leases(db, "dead-node", clock).hold("work")); // and never renews or releases
    AtomicInteger runs = new AtomicInteger();
    Semaphore ran = new Semaphore(0);
    try (Ticker b = node("node-b", runs, ran)) {
      b.start(Duration.ofHours(1));
      settle(b);
      assertEquals(0, runs.get(), "the dead node's lease has not expired yet");

      clock.advance(Leases.TTL);
      b.wake();
      assertTrue(ran.tryAcquire(10, TimeUnit.SECONDS));
      assertEquals("node-b", new Leases(db, "x", clock).holder("work").orElseThrow());
    }
  }
}
