package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.paperboy.TestDatabases;
import dev.paperboy.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PaperStoreTest {

  @TempDir Path dir;
  Database db;
  PaperStore store;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  public static Paper listing(String id, LocalDate day) {
    return Paper.fromArxiv(
        id,
        1,
        "A title",
        "An abstract.",
        List.of("Ada Lovelace", "Alan Turing"),
        List.of("cs.LG", "stat.ML"),
        null,
        null,
        day,
        null,
        null,
        null,
        Source.ARXIV_LISTING,
        false);
  }

  static Paper hf(String id, LocalDate day, long upvotes) {
    return new Paper(
        id,
        0,
        "A title",
        "An abstract.",
        List.of("Ada Lovelace", "Alan Turing"),
        List.of(),
        Instant.parse("2026-08-20T00:00:00Z"),
        null,
        day,
        upvotes,
        2,
        new Organization("google", "Google", null),
        "https://github.com/x/y",
        8L,
        null,
        "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/" + id + ".png",
        "A summary.",
        List.of("LLM"),
        null,
        null,
        null,
        "taesiri",
        Set.of(Source.HF_DAILY),
        Paper.Community.NONE,
        false);
  }

  @Test
  void storedTimesAndDaysReadAsTheGeneralParsersReadThem() {
    for (String t :
        List.of(
            "2024-05-24T17:34:15Z",
            "1993-01-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "2024-05-24T17:34:15.250Z",
            "2024-05-24T17:34:15+02:00")) {
      assertEquals(Instant.parse(t), PaperStore.instant(t), t);
    }
    for (String d : List.of("2024-05-24", "1993-01-01", "2024-02-29")) {
      assertEquals(LocalDate.parse(d), PaperStore.day(d), d);
    }
    assertNull(PaperStore.instant(null));
    assertNull(PaperStore.day(null));
    // what is not a time is refused as the general parser refuses it, never misread
    for (String bad :
        List.of(
            "2023-02-29T10:00:00Z",
            "2024-05-24T17:3a:15Z",
            "2024-+5-24T17:34:15Z",
            "20x4-05-24T17:34:15Z")) {
      assertThrows(DateTimeParseException.class, () -> PaperStore.instant(bad), bad);
    }
    assertThrows(DateTimeParseException.class, () -> PaperStore.day("2024-13-01"));
    assertThrows(DateTimeParseException.class, () -> PaperStore.day("20x4-05-24"));
  }

  @Test
  void storingTheSameRecordTwiceChangesNothing() {
    var first = store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    var again = store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    assertEquals(1, first.created());
    assertEquals(new PaperStore.UpsertResult(0, 0, 1, List.of()), again);
  }

  @Test
  void aLaterSnapshotUpdatesUpvotesAndKeepsWhatOtherSourcesKnew() {
    store.upsert(List.of(listing("2608.19880", LocalDate.of(2026, 8, 20))));
    var result = store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    assertEquals(1, result.updated());
    Paper p = store.find("2608.19880").orElseThrow();
    assertEquals(163, p.upvotes());
    assertEquals(List.of("cs.LG", "stat.ML"), p.categories());
    assertEquals(
        LocalDate.of(2026, 8, 21),
        p.dailyDate(),
        "the day someone submitted it to Daily Papers outranks its listing day");
    assertEquals(1, p.version());
    assertEquals(Set.of(Source.ARXIV_LISTING, Source.HF_DAILY), p.sources());
    assertEquals("Google", p.organization().displayName());
  }

  @Test
  void aKnownThumbnailStaysWhenALaterSourceHasNone() {
    String thumbnail =
        "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png";
    store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    assertEquals(thumbnail, store.find("2608.19880").orElseThrow().thumbnail());
    var later = store.upsert(List.of(listing("2608.19880", LocalDate.of(2026, 8, 20))));
    assertEquals(1, later.updated(), "the listing brings categories");
    assertEquals(thumbnail, store.find("2608.19880").orElseThrow().thumbnail());
  }

  @Test
  void aThumbnailArrivingAfterTheListingIsStored() {
    store.upsert(List.of(listing("2608.19880", LocalDate.of(2026, 8, 20))));
    assertNull(store.find("2608.19880").orElseThrow().thumbnail());
    store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    assertEquals(
        "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png",
        store.find("2608.19880").orElseThrow().thumbnail());
  }

  @Test
  void aSubmissionDayOutranksAListingDayWhicheverArrivesFirst() {
    store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    store.upsert(List.of(listing("2608.19880", LocalDate.of(2026, 8, 20))));
    assertEquals(LocalDate.of(2026, 8, 21), store.find("2608.19880").orElseThrow().dailyDate());
  }

  @Test
  void sourcesWithoutCountsNeverResetUpvotes() {
    store.upsert(List.of(hf("2608.19880", LocalDate.of(2026, 8, 21), 163)));
    store.upsert(List.of(listing("2608.19880", LocalDate.of(2026, 8, 22))));
    Paper p = store.find("2608.19880").orElseThrow();
    assertEquals(163, p.upvotes());
    assertEquals(LocalDate.of(2026, 8, 21), p.dailyDate());
  }

  @Test
  void aDayFeedIsOrderedByUpvotesThenId() {
    LocalDate day = LocalDate.of(2026, 8, 21);
    store.upsert(
        List.of(
            hf("2608.00001", day, 5),
            hf("2608.00002", day, 50),
            hf("2608.00003", day, 5),
            hf("2608.00004", day.plusDays(1), 99)));
    var ids =
        store.feed(day, day, PaperStore.Order.UPVOTES, 0, 10).stream().map(Paper::id).toList();
    assertEquals(List.of("2608.00002", "2608.00003", "2608.00001"), ids);
    assertEquals(3, store.count(day, day));
    assertEquals(day.plusDays(1), store.latestDay().orElseThrow());
    assertEquals(day, store.dayBefore(day.plusDays(1)).orElseThrow());
  }

  @Test
  void countsBeyondTwoBillionSurviveALocalVote() {
    LocalDate day = LocalDate.of(2026, 8, 21);
    store.upsert(List.of(hf("2608.00001", day, 3_000_000_000L), hf("2608.00002", day, 5)));
    db.transaction(
        c -> {
          store.addCommunityCounts(c, "2608.00001", 1, 1);
          return null;
        });
    Paper p = store.find("2608.00001").orElseThrow();
    assertEquals(3_000_000_000L, p.upvotes());
    assertEquals(3_000_000_001L, p.totalUpvotes());
    assertEquals(3L, p.totalComments(), "2 from Hugging Face, 1 here");
    var ids =
        store.feed(day, day, PaperStore.Order.UPVOTES, 0, 10).stream().map(Paper::id).toList();
    assertEquals(List.of("2608.00001", "2608.00002"), ids);
  }

  @Test
  void implausibleValuesStoredBeforeTheChecksAreRepairedByTheMigration() {
    // V9 repaired SQLite files written before Paperboy checked values; PostgreSQL starts after it
    assumeFalse(TestDatabases.onPostgres());
    LocalDate day = LocalDate.of(2026, 8, 21);
    store.upsert(
        List.of(
            hf("2608.00001", day, -5),
            hf("2608.00002", day, Integer.MAX_VALUE),
            hf("2608.00003", LocalDate.of(9999, 12, 31), 4),
            hf("2608.00004", day, 7)));
    // as a database written before V9 was: the repair has not run on these rows
    db.transaction(
        c -> {
          try (var st = c.createStatement()) {
            st.execute(
                "UPDATE papers SET published = '9999-12-31T00:00:00Z' WHERE id = '2608.00004'");
            st.execute("DELETE FROM schema_version WHERE version = 9");
          }
          return null;
        });
    db.close();
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
    assertEquals(0, store.find("2608.00001").orElseThrow().upvotes());
    assertEquals(1_000_000_000L, store.find("2608.00002").orElseThrow().upvotes());
    assertNull(store.find("2608.00003").orElseThrow().dailyDate());
    assertNull(store.find("2608.00004").orElseThrow().published());
    assertEquals(day, store.latestDay().orElseThrow(), "9999-12-31 no longer leads the feeds");
  }
}
