package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.Source;
import dev.paperboy.storage.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports real recorded files (and hand-broken ones) into a real SQLite file. */
class ImportJobTest {

  @TempDir Path dir;
  Database db;
  PaperStore store;
  final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  ImportReport importing(String... resources) {
    List<Path> paths = Arrays.stream(resources).map(r -> TestApps.resource("ingest/" + r)).toList();
    return new ImportJob(store, new PrintStream(progress, true, StandardCharsets.UTF_8)).run(paths);
  }

  Paper paper(String id) {
    return store.find(id).orElseThrow(() -> new AssertionError("not stored: " + id));
  }

  @Test
  void aHuggingFaceDayFrom2024TakesItsDayFromTheFileName() {
    ImportReport report = importing("hf/2024-05-27.json");
    assertEquals(13, report.created());
    assertFalse(report.hasRejections());
    Paper p = paper("2405.15738");
    assertEquals(LocalDate.of(2024, 5, 27), p.dailyDate());
    assertEquals(Instant.parse("2024-05-24T17:34:15Z"), p.published());
    assertEquals(32, p.upvotes());
    assertEquals(
        "ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models",
        p.title(),
        "hard-wrapped title joined");
    assertEquals("Chunjiang Ge", p.authors().get(0));
    assertEquals("Bo Zheng", p.authors().get(p.authors().size() - 1));
    assertEquals(Set.of(Source.HF_DAILY), p.sources());
  }

  @Test
  void aHuggingFaceDayFrom2026CarriesOrganisationStarsAndAiSummary() {
    importing("../web/2026-08-21.json");
    Paper p = paper("2608.19880");
    assertEquals(LocalDate.of(2026, 8, 21), p.dailyDate(), "from submittedOnDailyAt");
    assertEquals("Google", p.organization().displayName());
    assertEquals(8, p.githubStars());
    assertEquals("https://github.com/google-research/envharness", p.githubRepo());
    assertEquals("https://envharness.com/", p.projectPage());
    assertTrue(p.aiSummary().startsWith("EnvHarness and EnvRigger"));
    assertEquals(8, p.aiKeywords().size());
    assertEquals(1, p.numComments());
    assertEquals("taesiri", p.submittedBy());
  }

  @Test
  void authorsHiddenOnHuggingFaceStayOnThePaper() {
    importing("hf/2024-06-17.json");
    assertEquals(
        List.of("Amir Hossein Kargaran", "François Yvon", "Hinrich Schütze"),
        paper("2406.06263").authors());
  }

  @Test
  void aHuggingFacePaperKeepsItsThumbnailAddressAndOneWithoutNoneIsMadeUp() {
    importing("hf/2024-06-17.json", "hf/2024-05-27.json");
    assertEquals(
        "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.06263.png",
        paper("2406.06263").thumbnail());
    assertNull(paper("2405.15738").thumbnail(), "the 2024-05-27 file has no thumbnails");
  }

  @Test
  void importingTheSameFilesTwiceChangesNothing() {
    String[] files = {"hf/2024-05-27.json", "listings", "kaggle-snapshot-head50.jsonl"};
    ImportReport first = importing(files);
    LocalDate from = LocalDate.of(1990, 1, 1);
    LocalDate to = LocalDate.of(2030, 12, 31);
    List<Paper> before = store.feed(from, to, PaperStore.Order.UPVOTES, 0, 1000);
    assertEquals(first.created(), before.size(), "every paper is on some day's feed");
    ImportReport second = importing(files);
    assertEquals(0, second.created());
    assertEquals(0, second.updated());
    assertEquals(
        second.recordsRead(),
        second.unchanged() + second.repeated(),
        "unchanged, or the same id again within a file");
    assertEquals(before, store.feed(from, to, PaperStore.Order.UPVOTES, 0, 1000));
    assertTrue(second.table().contains("unchanged"), second.table());
  }

  @Test
  void aListingIdSeenOnTwoDaysKeepsTheEarliestDay() {
    ImportReport report = importing("listings");
    assertEquals(42, report.recordsRead());
    assertEquals(28, report.created());
    Paper p = paper("2503.15491");
    assertEquals(LocalDate.of(2025, 3, 21), p.dailyDate());
    assertEquals(List.of("cs.HC", "cs.CL", "cs.LG", "cs.RO"), p.categories(), "primary first");
    assertEquals(1, p.version());
  }

  @Test
  void theArchiveTsvKeepsQuotedNewlinesQuotesAndOldStyleIds() {
    ImportReport report = importing("archive-cs.AR-head25.tsv.xz");
    assertEquals(25, report.created());
    assertFalse(report.hasRejections());
    Paper p = paper("cs/9809007");
    assertEquals("Locally Served Network Computers", p.title());
    assertEquals(List.of("cs.AR", "cs.DC"), p.categories());
    assertEquals(List.of("Jim Gray"), p.authors());
    assertEquals(
        "Original document at: http://research.microsoft.com/~gray/NC_Servers.doc", p.comment());
    assertEquals(LocalDate.of(1998, 9, 2), p.dailyDate());
    assertEquals(List.of("cs.CL", "cs.AR"), paper("cs/9809021").categories(), "primary first");
    assertTrue(paper("cs/0103025").abstractText().contains("\""), "doubled quotes read as one");
  }

  @Test
  void theArchiveIdsThatLostTheirZerosGetThemBack() {
    ImportReport report = importing("archive-zeros-lost.tsv");
    assertEquals(9, report.created());
    assertEquals(LocalDate.of(2007, 4, 6), paper("0704.0967").dailyDate());
    assertEquals(LocalDate.of(2007, 6, 8), paper("0706.1130").dailyDate());
    assertEquals(LocalDate.of(2010, 2, 21), paper("1002.3990").dailyDate());
    assertEquals(LocalDate.of(2015, 1, 29), paper("1501.07420").dailyDate());
    assertEquals(LocalDate.of(2015, 1, 3), paper("1501.00579").dailyDate(), "intact ids stay");
    assertEquals(LocalDate.of(2010, 1, 13), paper("1001.2262").dailyDate());
    assertEquals(
        LocalDate.of(2013, 6, 29),
        paper("1307.0100").dailyDate(),
        "submitted after June's last deadline, so it has a July id");
    assertTrue(paper("1503.02354").title().startsWith("A General Scheme"), "binary noise dropped");
    assertTrue(paper("1503.02986").title().startsWith("Strategies for High-Throughput"));
    assertEquals(1, report.rejectedRecords(), "an id whose month disagrees with its creation date");
    assertTrue(report.table().contains("from before its creation month"), () -> report.table());
  }

  @Test
  void papersTheirAuthorsWithdrewAreMarked() {
    assertEquals(4, importing("archive-withdrawn.tsv").created());
    assertTrue(paper("cs/0407019").withdrawn(), "Withdrawn by the author");
    assertTrue(paper("1011.4157").withdrawn(), "needs to be withdrawn because of copyright");
    assertTrue(paper("1206.4753").withdrawn(), "This paper has been withdrawn by the authors");
    assertFalse(paper("cs/9809007").withdrawn());
  }

  @Test
  void xzFilesAreReadDirectly() {
    ImportReport report = importing("xz/2025-03-21.jsonl.xz");
    assertEquals(21, report.created());
    assertEquals(LocalDate.of(2025, 3, 21), paper("2503.15491").dailyDate());
  }

  @Test
  void theKaggleSnapshotGivesVersionsDatesAndParsedAuthors() {
    ImportReport report = importing("kaggle-snapshot-head50.jsonl");
    assertEquals(50, report.created());
    Paper p = paper("0704.0001");
    assertEquals(2, p.version());
    assertEquals(List.of("hep-ph"), p.categories());
    assertEquals("C. Balázs", p.authors().get(0));
    assertEquals(Instant.parse("2007-04-02T19:18:42Z"), p.published());
    assertEquals(LocalDate.of(2007, 4, 2), p.dailyDate());
    assertEquals("10.1103/PhysRevD.76.013009", p.doi());
    assertEquals(List.of("math.CO", "cs.CG"), paper("0704.0002").categories());
  }

  @Test
  void everyMalformedRecordedDayIsRejectedWithItsReason() {
    ImportReport report = importing("malformed");
    assertEquals(0, report.created());
    assertEquals(2, report.filesRejected().size());
    assertTrue(
        report
            .filesRejected()
            .get(TestApps.resource("ingest/malformed/2024-12-11.json").toString())
            .contains("array of strings (Python repr?)"));
    assertTrue(
        report
            .filesRejected()
            .get(TestApps.resource("ingest/malformed/2025-01-10.json").toString())
            .contains("found an object with keys [status, date, count, data]"));
  }

  @Test
  void aBrokenLineIsCountedWithItsLocationAndTheRestIsImported() {
    ImportReport report = importing("bad/2025-03-18-broken-line.jsonl");
    assertEquals(8, report.recordsRead());
    assertEquals(5, report.created());
    assertEquals(3, report.rejectedRecords());
    String file = TestApps.resource("ingest/bad/2025-03-18-broken-line.jsonl").toString();
    assertEquals(
        List.of(file + ":3"), report.recordsRejected().get("invalid JSON line").examples());
    assertEquals(
        List.of(file + ":7 (not-an-id)"),
        report.recordsRejected().get("invalid arXiv id").examples());
    assertEquals(1, report.recordsRejected().get("missing title").count());
    assertTrue(store.find("2503.11787").isEmpty());
    assertEquals(LocalDate.of(2025, 3, 18), paper("2503.11781").dailyDate());
  }

  @Test
  void aTruncatedFileKeepsTheItemsBeforeTheBreak() {
    ImportReport report = importing("bad/2024-05-27-truncated.json");
    assertEquals(2, report.created());
    String reason =
        report
            .filesRejected()
            .get(TestApps.resource("ingest/bad/2024-05-27-truncated.json").toString());
    assertTrue(reason.startsWith("invalid JSON at line"), reason);
    assertTrue(reason.contains("the 2 records before it were kept"), reason);
  }

  @Test
  void anUnknownFormatIsRejectedAndTextFilesAreSkipped() {
    ImportReport report = importing("bad/unknown-format.jsonl", "bad/README.txt");
    assertEquals(List.of("README.txt"), report.filesSkipped());
    String reason =
        report.filesRejected().get(TestApps.resource("ingest/bad/unknown-format.jsonl").toString());
    assertTrue(reason.startsWith("unrecognised format"), reason);
    assertTrue(reason.contains("name, value"), reason);
    assertTrue(report.hasRejections());
  }

  @Test
  void progressAndTheSummaryTableAreShown() {
    ImportReport report = importing("hf/2024-05-27.json", "listings");
    String shown = progress.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("100%"), shown);
    assertTrue(shown.contains("3/3 files"), shown);
    String table = report.table();
    assertTrue(table.matches("(?s)Import finished in .* s \\(.* records/s\\).*"), table);
    assertTrue(table.matches("(?s).*\\n  new +41\\n.*"), table);
    assertNull(report.recordsRejected().get("missing title"));
  }
}
