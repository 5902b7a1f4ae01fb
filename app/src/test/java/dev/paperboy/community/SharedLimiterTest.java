package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A limit that protects an account counts the attempts of every node on the database together. */
class SharedLimiterTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-24T07:00:00Z");
  Database dbA;
  Database dbB;

  @BeforeEach
  void open() {
    dbA = TestDatabases.open(dir);
    dbB = TestDatabases.open(dir);
  }

  @AfterEach
  void close() {
    dbA.close();
    dbB.close();
  }

  @Test
  void attemptsOnTwoNodesCountTogetherAndTheWindowSlides() {
    SharedLimiter a = new SharedLimiter(dbA, "signin", 4, Duration.ofMinutes(15), clock);
    SharedLimiter b = new SharedLimiter(dbB, "signin", 4, Duration.ofMinutes(15), clock);
    a.acquire("account:ada@example.org", "Too many.");
    clock.advance(Duration.ofMinutes(5));
    b.acquire("account:ada@example.org", "Too many.");
    a.acquire("account:ada@example.org", "Too many.");
    b.acquire("account:ada@example.org", "Too many.");
    Refusal refused =
        assertThrows(Refusal.class, () -> a.acquire("account:ada@example.org", "Too many."));
    assertEquals(Refusal.Kind.RATE_LIMITED, refused.kind());
    assertEquals(Duration.ofMinutes(10), refused.retryAfter(), "when the first attempt leaves");
    b.acquire("account:bob@example.org", "Too many."); // another account is not slowed

    clock.advance(Duration.ofMinutes(10));
    b.acquire("account:ada@example.org", "Too many.");
    assertThrows(Refusal.class, () -> a.acquire("account:ada@example.org", "Too many."));
  }

  @Test
  void aResetOnOneNodeFreesTheAccountOnTheOtherWithinSeconds() {
    SharedLimiter a = new SharedLimiter(dbA, "signin", 1, Duration.ofMinutes(15), clock);
    SharedLimiter b = new SharedLimiter(dbB, "signin", 1, Duration.ofMinutes(15), clock);
    a.acquire("account:ada@example.org", "Too many.");
    assertThrows(Refusal.class, () -> b.acquire("account:ada@example.org", "Too many."));
    a.reset("account:ada@example.org");
    a.acquire("account:ada@example.org", "Too many."); // free at once where it was reset
    a.reset("account:ada@example.org");
    clock.advance(SharedLimiter.RECHECK);
    b.acquire("account:ada@example.org", "Too many.");
  }

  @Test
  void aFloodOnARefusedKeyIsAnsweredFromMemoryForSeconds() {
    SharedLimiter a = new SharedLimiter(dbA, "signup", 1, Duration.ofHours(1), clock);
    a.acquire("email:ada@example.org", "Too many.");
    assertThrows(Refusal.class, () -> a.acquire("email:ada@example.org", "Too many."));
    dbA.transaction(c -> Sql.update(c, "DELETE FROM rate_limits")); // as a reset elsewhere would
    clock.advance(SharedLimiter.RECHECK.minusSeconds(1));
    Refusal refused =
        assertThrows(Refusal.class, () -> a.acquire("email:ada@example.org", "Too many."));
    assertEquals(
        Duration.ofHours(1).minus(SharedLimiter.RECHECK).plusSeconds(1), refused.retryAfter());
    clock.advance(Duration.ofSeconds(1));
    a.acquire("email:ada@example.org", "Too many.");
  }

  @Test
  void quietKeysArePruned() {
    SharedLimiter a = new SharedLimiter(dbA, "signup", 5, Duration.ofHours(1), clock);
    a.acquire("email:old@example.org", "Too many.");
    clock.advance(SharedLimiter.KEEP.plusMinutes(1));
    a.acquire("email:new@example.org", "Too many.");
    long rows = dbA.read(c -> Sql.count(c, "SELECT COUNT(*) FROM rate_limits"));
    assertEquals(1, rows);
  }

  /** What counting in the database costs a sign-in attempt; printed, the assertion is loose. */
  @Test
  void aSharedCheckStaysCheap() {
    SharedLimiter shared =
        new SharedLimiter(dbA, "signin", 1_000_000, Duration.ofMinutes(15), clock);
    RateLimiter local = new RateLimiter(1_000_000, Duration.ofMinutes(15), clock);
    int n = 2000;
    for (int i = 0; i < 200; i++) { // warm up
      shared.acquire("account:warm" + i, "x");
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      shared.acquire("account:user" + (i % 100) + "@example.org", "x");
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      local.acquire("account:user" + (i % 100) + "@example.org", "x");
    }
    long t2 = System.nanoTime();
    SharedLimiter tight = new SharedLimiter(dbA, "signin", 1, Duration.ofMinutes(15), clock);
    tight.acquire("account:flooded@example.org", "x");
    for (int i = 0; i < n; i++) {
      assertThrows(Refusal.class, () -> tight.acquire("account:flooded@example.org", "x"));
    }
    long t3 = System.nanoTime();
    double sharedMicros = (t1 - t0) / 1000.0 / n;
    double localMicros = (t2 - t1) / 1000.0 / n;
    System.out.printf(
        Locale.ROOT,
        "shared limit: %.0f µs an attempt, %.1f µs a refused one; in memory: %.1f µs%n",
        sharedMicros,
        (t3 - t2) / 1000.0 / n,
        localMicros);
    assertTrue(sharedMicros < 50_000, "far below one password hash: " + sharedMicros + " µs");
  }
}
