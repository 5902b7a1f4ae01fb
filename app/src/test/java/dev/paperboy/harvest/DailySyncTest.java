package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own harvesting, over the real clients and sources against local servers replaying
 * recordings, on a clock the test moves through a week of US Eastern evenings.
 */
class DailySyncTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-20T12:00:00Z");
  Database db;
  PaperStore papers;
  Harvests harvests;
  FakeArxiv arxiv;
  FakeArxiv arxivApi;
  ArxivApiClient apiClient;
  FakeHuggingFace hf;
  OaiPmhClient oai;
  HfDailyPapersClient hfClient;
  DailySync sync;

  @BeforeEach
  void open() throws IOException {
    db = TestDatabases.open(dir);
    papers = new PaperStore(db);
    harvests = new Harvests(db, papers, clock);
    arxiv = FakeArxiv.oaiPmh(clock);
    arxiv.otherwise(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseNoRecordsMatch.xml")));
    arxiv.answering(
        window("2026-08-18", "2026-08-21"),
        Answer.of(200, ArxivFixtures.oaiPmh("derived/ListRecords-arXivRaw-withdrawn.xml")));
    hf =
        new FakeHuggingFace()
            .day("2026-08-21", Files.readAllBytes(TestApps.resource("web/2026-08-21.json")));
    oai = OaiHarvestTest.client(arxiv);
    // arXiv's API knows none of the day's papers: each is looked up once, then marked unknown
    arxivApi = TestingSearch.server(clock);
    apiClient = TestingSearch.client(arxivApi.endpoint(), clock);
    hfClient =
        new HfDailyPapersClient(
            HfDailyPapersClient.defaults(hf.endpoint()), 100, clock, clock::advance);
    HarvestSettings settings =
        new HarvestSettings(
            true, List.of("cs.LG"), 21, ArxivSchedule.EASTERN, arxiv.endpoint(), hf.endpoint());
    sync =
        new DailySync(
            harvests,
            settings,
            (from, until) -> OaiSource.forCategories(oai, settings.categories(), from, until),
            (day, refreshed) -> new HfSource(hfClient, day, refreshed),
            ArxivBackfill.scheduled(apiClient, papers, clock),
            clock);
  }

  @AfterEach
  void close() {
    oai.close();
    hfClient.close();
    apiClient.close();
    arxivApi.close();
    arxiv.close();
    hf.close();
    db.close();
  }

  static Map<String, String> window(String from, String until) {
    return Map.of(
        "verb", "ListRecords",
        "metadataPrefix", "arXivRaw",
        "set", "cs:cs:LG",
        "from", from,
        "until", until);
  }

  void at(String easternTime) {
    clock.set(
        ZonedDateTime.of(java.time.LocalDateTime.parse(easternTime), ArxivSchedule.EASTERN)
            .toInstant());
  }

  List<String> run() {
    return sync.runDue(new PrintStream(OutputStream.nullOutputStream())).stream()
        .map(h -> h.source() + " " + h.query())
        .toList();
  }

  @Test
  void beforeTheHourNothingIsAsked() {
    at("2026-08-20T20:59:00"); // Thursday, a minute early
    assertEquals(List.of(), run());
    assertEquals(List.of(), arxiv.requests());
    assertEquals(List.of(), hf.requests());
  }

  @Test
  void anAnnouncementEveningHarvestsArxivsNewListingAndRefreshesHuggingFace() {
    at("2026-08-20T21:00:00"); // Thursday: arXiv announces Friday's listing
    assertEquals(
        List.of(
            "arxiv-oai sets=cs:cs:LG format=arXivRaw from=2026-08-18 until=2026-08-21",
            "hf date=2026-08-19 refreshed=2026-08-21",
            "hf date=2026-08-20 refreshed=2026-08-21",
            "hf date=2026-08-21 refreshed=2026-08-21",
            "arxiv-backfill papers without categories"),
        run(),
        "the first window reaches three days back; Hugging Face's last three UTC days; then"
            + " arXiv is asked for the categories Hugging Face's papers lack");
    assertEquals(window("2026-08-18", "2026-08-21"), arxiv.requests().get(0).params());
    assertTrue(papers.find("2608.01234").orElseThrow().withdrawn(), "arXiv's records are stored");
    assertEquals(163, papers.find("2608.19880").orElseThrow().upvotes(), "and HF's upvotes");

    assertEquals(List.of(), run(), "what finished is not run again the same evening");
    assertEquals(1, arxiv.requests().size());
    assertEquals(3, hf.requests().size());
    assertEquals(1, arxivApi.requests().size(), "papers arXiv does not know are not asked again");
  }

  @Test
  void fridayAndSaturdayRefreshHuggingFaceOnlyAndSundayGoesOnWhereThursdayEnded() {
    at("2026-08-20T21:00:00");
    run();
    at("2026-08-21T22:00:00"); // Friday: no announcement
    assertEquals(
        List.of(
            "hf date=2026-08-20 refreshed=2026-08-22",
            "hf date=2026-08-21 refreshed=2026-08-22",
            "hf date=2026-08-22 refreshed=2026-08-22"),
        run());
    at("2026-08-22T21:30:00"); // Saturday: none either
    assertTrue(run().stream().allMatch(h -> h.startsWith("hf ")));
    at("2026-08-23T21:00:00"); // Sunday: Monday's listing
    assertEquals(
        "arxiv-oai sets=cs:cs:LG format=arXivRaw from=2026-08-22 until=2026-08-24", run().get(0));
    assertEquals(2, arxiv.requests().size());
  }

  @Test
  void aHarvestThatFailedResumesAtTheNextTick() {
    at("2026-08-20T21:00:00");
    for (int i = 0; i < 3; i++) {
      arxiv.then(Answer.of(503, new byte[0]));
    }
    List<String> first = run();
    assertEquals(4, first.size(), "arXiv's OAI-PMH did not answer; the others still ran: " + first);
    Harvests.Harvest failed =
        harvests.all().stream()
            .filter(h -> h.source().equals("arxiv-oai"))
            .findFirst()
            .orElseThrow();
    assertEquals("failed", failed.state());
    assertTrue(failed.lastError().contains("HTTP 503"), failed.lastError());
    clock.advance(java.time.Duration.ofMinutes(HarvestScheduler.TICK_MINUTES));
    assertEquals(
        List.of("arxiv-oai sets=cs:cs:LG format=arXivRaw from=2026-08-18 until=2026-08-21"), run());
    assertTrue(papers.find("2608.01236").isPresent(), "the window's papers arrived after all");
  }

  @Test
  void papersWithoutCategoriesAreLookedUpAtAnyHourInBatches() {
    harvests.run(
        new HfSource(hfClient, java.time.LocalDate.parse("2026-08-21"), null),
        false,
        new PrintStream(OutputStream.nullOutputStream()),
        () -> {});
    at("2026-08-21T09:00:00"); // the morning: no harvest is due
    assertEquals(List.of("arxiv-backfill papers without categories"), run());
    assertEquals(
        17,
        arxivApi.requests().get(0).params().get("id_list").split(",").length,
        "the day's papers in one request");
    assertEquals(List.of(), run(), "arXiv knew none of them: nothing waits");
  }

  @Test
  void turnedOffItDoesNothing() {
    DailySync off =
        new DailySync(
            harvests,
            HarvestSettings.defaults().disabled(),
            (from, until) -> {
              throw new AssertionError("no harvest when ingestion is off");
            },
            (day, refreshed) -> {
              throw new AssertionError("no harvest when ingestion is off");
            },
            ArxivBackfill.scheduled(apiClient, papers, clock),
            clock);
    at("2026-08-20T22:00:00");
    assertEquals(List.of(), off.runDue(new PrintStream(OutputStream.nullOutputStream())));
  }
}
