package dev.paperboy.ingest;

import static dev.paperboy.ingest.ImportFixture.hfItem;
import static dev.paperboy.ingest.ImportFixture.listingLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values a file may carry that must not be stored as they are. The tests run on 2026-08-21. */
class ImportedValuesTest {

  @RegisterExtension final ImportFixture f = new ImportFixture();

  static String onDay(String day) {
    return ", \"submittedOnDailyAt\": \"" + day + "T12:00:00.000Z\"";
  }

  static String day(String... items) {
    return "[" + String.join(",\n", items) + "]";
  }

  @Test
  void aDayOutOfRangeIsRejectedAndCannotTakeOverTheFeeds() {
    Path file =
        f.write(
            "2026-08-21.json",
            day(
                hfItem("2608.00001", onDay("2026-08-21")),
                hfItem("2608.00002", onDay("9999-12-31")),
                hfItem("2608.00003", onDay("2026-08-23")),
                hfItem("2608.00004", onDay("2026-08-24")),
                hfItem("2608.00005", onDay("1990-12-31"))));
    ImportReport report = f.importing(file);
    ImportReport.Rejections out = report.recordsRejected().get("day out of range");
    assertEquals(
        List.of(
            file + "#1 (2608.00002: 9999-12-31)",
            file + "#3 (2608.00004: 2026-08-24)",
            file + "#4 (2608.00005: 1990-12-31)"),
        out.examples(),
        report.table());
    assertEquals(2, report.created());
    assertEquals(
        LocalDate.of(2026, 8, 23), f.store.latestDay().orElseThrow(), "today + 2 days is in");
    assertTrue(report.table().contains("day out of range"), report.table());
  }

  @Test
  void aListingFileNamedForAFarDayIsRejectedRecordByRecord() {
    Path file = f.write("9999-12-31.jsonl", listingLine("2608.00001", "Far."));
    ImportReport report = f.importing(file);
    assertEquals(1, report.recordsRejected().get("day out of range").count(), report.table());
    assertEquals(0, f.store.countAll());
  }

  @Test
  void publishedDatesOutOfRangeAreDroppedAndTheRecordKept() {
    Path file =
        f.write(
            "2026-08-21.json",
            day(
                hfItem("2608.00001", "")
                    .replace("2025-03-20T17:00:00.000Z", "9999-12-31T00:00:00.000Z")));
    ImportReport report = f.importing(file);
    assertFalse(report.hasRejections(), report.table());
    Paper p = f.paper("2608.00001");
    assertNull(p.published());
    assertEquals(LocalDate.of(2026, 8, 21), p.dailyDate(), "the day from the file name");
    assertEquals(
        List.of(file + "#0 (2608.00001: 9999-12-31T00:00:00Z)"),
        report.valuesCorrected().get("published date out of range, dropped").examples());
    assertTrue(report.table().contains("Corrected values by reason"), report.table());
  }

  @Test
  void countsAreClampedToZeroAndABillionAndALocalVoteAddsOne() {
    Path file =
        f.write(
            "2026-08-21.json",
            day(
                hfItem("2608.00001", "").replace("\"upvotes\": 3", "\"upvotes\": 1e30"),
                hfItem("2608.00002", ", \"githubStars\": -3")
                    .replace("\"upvotes\": 3", "\"upvotes\": -5")
                    .replace("\"numComments\": 1", "\"numComments\": -1"),
                hfItem("2608.00003", "")
                    .replace("\"upvotes\": 3", "\"upvotes\": 9223372036854775808")));
    ImportReport report = f.importing(file);
    assertFalse(report.hasRejections(), report.table());
    assertEquals(PaperValidator.MAX_COUNT, f.paper("2608.00001").upvotes());
    assertEquals(PaperValidator.MAX_COUNT, f.paper("2608.00003").upvotes());
    Paper negative = f.paper("2608.00002");
    assertEquals(0, negative.upvotes());
    assertEquals(0, negative.numComments());
    assertEquals(0L, negative.githubStars());
    assertEquals(
        List.of(
            file + "#0 (2608.00001: " + Long.MAX_VALUE + ")",
            file + "#1 (2608.00002: -5)",
            file + "#2 (2608.00003: " + Long.MAX_VALUE + ")"),
        report.valuesCorrected().get("upvotes out of range, clamped").examples());
    assertEquals(1, report.valuesCorrected().get("comment count out of range, clamped").count());
    assertEquals(1, report.valuesCorrected().get("GitHub stars out of range, clamped").count());
    f.db.transaction(
        c -> {
          f.store.addCommunityCounts(c, "2608.00001", 1, 0);
          return null;
        });
    assertEquals(PaperValidator.MAX_COUNT + 1, f.paper("2608.00001").totalUpvotes());
  }

  @Test
  void aNumericIdKeepsItsExactDigits() {
    Path hf =
        f.write(
            "2025-06-30.json",
            day(hfItem("2506.33310", "").replace("\"id\": \"2506.33310\"", "\"id\": 2506.33310")));
    Path listing =
        f.write(
            "2025-06-30.jsonl",
            listingLine("2506.33320", "Numeric.").replace("\"2506.33320\"", "2506.33320"));
    ImportReport report = f.importing(hf, listing);
    assertFalse(report.hasRejections(), report.table());
    assertEquals("Paper 2506.33310", f.paper("2506.33310").title());
    assertEquals("Listed 2506.33320", f.paper("2506.33320").title());
    assertTrue(f.store.find("2506.3331").isEmpty(), "not the other paper with a zero dropped");
  }

  @Test
  void reImportingCorrectedRecordsChangesNothing() {
    Path file =
        f.write(
            "2026-08-21.json",
            day(
                hfItem("2608.00001", "")
                    .replace("\"upvotes\": 3", "\"upvotes\": -5")
                    .replace("2025-03-20T17:00:00.000Z", "1970-01-01T00:00:00.000Z")));
    f.importing(file);
    ImportReport again = f.importing(file);
    assertEquals(1, again.unchanged(), again.table());
    assertEquals(0, again.created() + again.updated());
    assertNull(f.paper("2608.00001").published());
  }
}
