package dev.paperboy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one database file contend for a lease; exactly one holds it at any time. */
class LeasesTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-24T07:00:00Z");
  Database dbA;
  Database dbB;
  Leases a;
  Leases b;

  @BeforeEach
  void open() {
    dbA = TestDatabases.open(dir);
    dbB = TestDatabases.open(dir);
    a = new Leases(dbA, "node-a", clock);
    b = new Leases(dbB, "node-b", clock);
  }

  @AfterEach
  void close() {
    dbA.close();
    dbB.close();
  }

  @Test
  void theFirstToAskHoldsItAndRenewsItWhileTheOtherWaits() {
    assertTrue(a.hold("mail"));
    assertFalse(b.hold("mail"));
    clock.advance(Leases.TTL.minusSeconds(1));
    assertTrue(a.hold("mail"), "the holder renews");
    clock.advance(Duration.ofSeconds(2));
    assertFalse(b.hold("mail"), "renewed, so not expired yet");
    assertEquals(Optional.of("node-a"), b.holder("mail"));
  }

  @Test
  void aHolderThatStopsRenewingIsReplacedOnceItsLeaseExpires() {
    assertTrue(a.hold("harvest"));
    clock.advance(Leases.TTL);
    assertEquals(Optional.empty(), b.holder("harvest"), "expired: nobody holds it");
    assertTrue(b.hold("harvest"));
    assertFalse(a.hold("harvest"), "the old holder finds it taken and stops");
    assertEquals(Optional.of("node-b"), a.holder("harvest"));
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceAndOnlyItsHolderCanReleaseIt() {
    assertTrue(a.hold("mail"));
    b.release("mail");
    assertFalse(b.hold("mail"), "b cannot release a's lease");
    a.release("mail");
    assertTrue(b.hold("mail"));
  }

  @Test
  void leasesOfDifferentNamesAreIndependent() {
    assertTrue(a.hold("mail"));
    assertTrue(b.hold("harvest"));
    assertEquals(Optional.of("node-a"), a.holder("mail"));
    assertEquals(Optional.of("node-b"), a.holder("harvest"));
  }

  @Test
  void storedTimesCompareAsTextInTimeOrder() {
    Instant whole = Instant.parse("2026-08-24T07:00:00Z");
    Instant later = whole.plusMillis(500);
    assertTrue(Leases.time(whole).compareTo(Leases.time(later)) < 0);
    assertEquals("2026-08-24T07:00:00.000Z", Leases.time(whole));
  }
}
