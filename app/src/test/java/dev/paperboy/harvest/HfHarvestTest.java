package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.PaperValidator;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face's daily papers harvested from recorded days on a local port. */
class HfHarvestTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T22:00:00Z");
  Database db;
  PaperStore papers;
  Harvests harvests;
  FakeHuggingFace hf;

  @BeforeEach
  void open() throws IOException {
    db = TestDatabases.open(dir);
    papers = new PaperStore(db);
    harvests = new Harvests(db, papers, clock);
    hf =
        new FakeHuggingFace()
            .day("2026-08-21", Files.readAllBytes(TestApps.resource("web/2026-08-21.json")))
            .day(
                "2024-12-11",
                Files.readAllBytes(TestApps.resource("ingest/malformed/2024-12-11.json")));
  }

  @AfterEach
  void close() {
    hf.close();
    db.close();
  }

  /** Every wait the client asked for; waiting moves the test clock on. */
  final List<Duration> sleeps = new ArrayList<>();

  Harvests.Harvest harvest(String date, int pageSize) {
    return harvest(date, pageSize, HfDailyPapersClient.defaults(hf.endpoint()));
  }

  Harvests.Harvest harvest(String date, int pageSize, ArxivApiClient.Settings settings) {
    try (HfDailyPapersClient client =
        new HfDailyPapersClient(
            settings,
            pageSize,
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })) {
      return harvests.run(
          new HfSource(client, LocalDate.parse(date), null),
          false,
          new PrintStream(OutputStream.nullOutputStream()),
          () -> {});
    }
  }

  @Test
  void aDayComesWithItsUpvotesOrganisationsAndSummaries() {
    Harvests.Harvest h = harvest("2026-08-21", HfDailyPapersClient.PAGE_SIZE);
    assertTrue(h.done());
    assertEquals(17, h.created());
    Paper p = papers.find("2608.19880").orElseThrow();
    assertEquals(163, p.upvotes());
    assertEquals(LocalDate.of(2026, 8, 21), p.dailyDate());
    assertTrue(p.submitted(), "a Hugging Face daily paper is a submitted one");
    assertEquals(List.of("date=2026-08-21&limit=100&p=0"), hf.requests());
  }

  @Test
  void harvestedValuesAreCheckedAsAFileImportChecksThem() {
    String item =
        "{\"paper\": {\"id\": \"%s\", \"title\": \"T\", \"upvotes\": %s,"
            + " \"submittedOnDailyAt\": \"%sT10:00:00.000Z\"}, \"numComments\": 0}";
    hf.day(
        "2026-08-20",
        ("["
                + String.join(
                    ",",
                    String.format(item, "2608.00001", "1e30", "2026-08-20"),
                    String.format(item, "2608.00002", "-7", "2026-08-20"),
                    String.format(item, "2608.00003", "4", "9999-12-31"))
                + "]")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Harvests.Harvest h = harvest("2026-08-20", HfDailyPapersClient.PAGE_SIZE);
    assertEquals(2, h.created());
    assertEquals(1, h.rejected(), "the paper dated 9999-12-31");
    assertEquals(PaperValidator.MAX_COUNT, papers.find("2608.00001").orElseThrow().upvotes());
    assertEquals(0, papers.find("2608.00002").orElseThrow().upvotes());
    assertEquals(LocalDate.of(2026, 8, 20), papers.latestDay().orElseThrow());
  }

  @Test
  void aBusyDayIsPagedUntilAShortPage() {
    Harvests.Harvest h = harvest("2026-08-21", 10);
    assertEquals(2, h.pages());
    assertEquals(17, h.records());
    assertEquals(
        List.of("date=2026-08-21&limit=10&p=0", "date=2026-08-21&limit=10&p=1"), hf.requests());
  }

  @Test
  void aDayWithoutPapersIsAnEmptyFinishedHarvest() {
    Harvests.Harvest h = harvest("2026-08-22", HfDailyPapersClient.PAGE_SIZE);
    assertTrue(h.done());
    assertEquals(0, h.records());
  }

  @Test
  void anAnswerOfPythonReprStringsIsRejectedWithTheReasonAndStoresNothing() {
    // a real recorded day whose items were saved as Python reprs, not JSON objects
    RuntimeException e =
        assertThrows(
            RuntimeException.class, () -> harvest("2024-12-11", HfDailyPapersClient.PAGE_SIZE));
    assertTrue(e.getMessage().contains("Python repr"), e.getMessage());
    assertEquals(0, papers.countAll());
    assertEquals("failed", harvests.all().get(0).state());
  }

  @Test
  void pagesAreAskedForThreeSecondsApartOnTheClock() {
    harvest("2026-08-21", 10);
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
  }

  @Test
  void a503IsWaitedOutAsItsRetryAfterSaysThenTheDayArrives() {
    hf.then(FakeHuggingFace.Trouble.UNAVAILABLE);
    Harvests.Harvest h = harvest("2026-08-21", HfDailyPapersClient.PAGE_SIZE);
    assertEquals(17, h.created());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  void aCutOffAnswerIsAskedForAgainAfterABackoff() {
    hf.then(FakeHuggingFace.Trouble.CUT_OFF);
    Harvests.Harvest h = harvest("2026-08-21", HfDailyPapersClient.PAGE_SIZE);
    assertEquals(17, h.created());
    assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
    assertEquals(2, hf.requests().size());
  }

  @Test
  @Timeout(20)
  void aServerThatStopsAnsweringFailsTheHarvestWithAMessageNamingIt() {
    for (int i = 0; i < 3; i++) {
      hf.then(FakeHuggingFace.Trouble.HANGING);
    }
    ArxivApiClient.Settings d = HfDailyPapersClient.defaults(hf.endpoint());
    ArxivApiClient.Settings impatient =
        new ArxivApiClient.Settings(
            d.endpoint(),
            d.userAgent(),
            d.connectTimeout(),
            Duration.ofMillis(300),
            d.tries(),
            d.spacing(),
            d.backoff());
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> harvest("2026-08-21", HfDailyPapersClient.PAGE_SIZE, impatient));
    assertEquals(
        "Hugging Face did not answer for the papers of 2026-08-21 after 3 tries"
            + " (no answer within 0.3 s)",
        e.getMessage());
    assertEquals("failed", harvests.all().get(0).state());
    assertEquals(0, papers.countAll());
  }
}
