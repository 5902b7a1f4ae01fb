package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.paper.Organization;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugging Face's daily papers, harvested from a recorded-shape day on a local port, get their arXiv
 * categories from arXiv's API (a local server answering with recorded Atom entries), so that the
 * category filter of search finds them.
 */
class ArxivBackfillTest {

  static final String DAY = "2026-08-21";

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T22:00:00Z");
  FakeHuggingFace hf;
  FakeArxiv arxiv;
  HfDailyPapersClient hfClient;
  ArxivApiClient client;
  App app;
  PaperStore papers;

  /** Every wait the arXiv client asked for; waiting moves the test clock on. */
  final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void open() throws IOException {
    hf =
        new FakeHuggingFace()
            .day(
                DAY,
                Files.readAllBytes(
                    TestApps.resource("harvest/hf-2026-08-21-without-categories.json")));
    arxiv =
        new FakeArxiv(clock)
            .knows(TestingSearch.PAGES.toArray(String[]::new))
            .otherwise(Answer.of(200, ArxivFixtures.body(TestingSearch.EMPTY)));
    hfClient =
        new HfDailyPapersClient(
            HfDailyPapersClient.defaults(hf.endpoint()), 100, clock, clock::advance);
    // arXiv's own politeness: 3 s apart, retries after 5 s and 10 s
    client =
        new ArxivApiClient(
            ArxivApiClient.Settings.defaults().withEndpoint(arxiv.endpoint()),
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            });
    app =
        new App(
            TestDatabases.config(dir).withEmbeddingModel("none").withArxivApiUrl(arxiv.endpoint()),
            clock);
    papers = app.papers();
  }

  @AfterEach
  void close() {
    app.close();
    client.close();
    hfClient.close();
    arxiv.close();
    hf.close();
  }

  Harvests.Harvest harvestTheDay() {
    return app.harvests()
        .run(new HfSource(hfClient, LocalDate.parse(DAY), null), false, quiet(), () -> {});
  }

  Harvests.Harvest backfill(int batchSize) {
    return app.harvests()
        .run(new ArxivBackfill(client, papers, clock, batchSize, 10), true, quiet(), () -> {});
  }

  static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  List<List<String>> askedIds() {
    return arxiv.requests().stream()
        .map(r -> Arrays.asList(r.params().get("id_list").split(",")))
        .toList();
  }

  SearchResults search(String words, String category) {
    app.search().follower().catchUp(null);
    return app.search()
        .service()
        .search(
            new SearchRequest(
                words, null, null, category, false, SearchRequest.Order.RELEVANCE, 0, 10));
  }

  @Test
  void afterTheBackfillTheCategoryFilterFindsTheHuggingFacePaper() {
    harvestTheDay();
    assertEquals(0, search("pose estimation", "cs.CV").total(), "Hugging Face has no categories");

    Harvests.Harvest h = backfill(ArxivApiClient.IDS_PER_REQUEST);

    SearchResults found = search("pose estimation", "cs.CV");
    assertEquals(List.of("2502.09460"), found.hits().stream().map(SearchResults.Hit::id).toList());
    assertEquals(0, search("pose estimation", "cs.CL").total());
    assertEquals(1, search("reasoning", "cs.CL").total(), "2507.10541 is in cs.CL");
    assertTrue(h.done());
    assertEquals(2, h.updated(), "two papers filled in");
    assertEquals(1, h.rejected(), "one unknown to arXiv");
    assertEquals(
        List.of(List.of("2507.10541", "2502.09460", "0808.05394")),
        askedIds(),
        "one request for the three");
  }

  @Test
  void onlyWhatWasMissingIsFilledAndHuggingFacesDataStays() {
    harvestTheDay();
    Paper before = papers.find("2502.09460").orElseThrow();
    backfill(ArxivApiClient.IDS_PER_REQUEST);

    Paper p = papers.find("2502.09460").orElseThrow();
    assertEquals(List.of("cs.SE", "cs.AI", "cs.CV"), p.categories());
    assertEquals("10.1109/ICST62969.2025.10988919", p.doi());
    assertTrue(p.comment().startsWith("Accepted for publication at 2025 IEEE"), p.comment());
    assertEquals(before.abstractText(), p.abstractText(), "Hugging Face's abstract stays");
    assertEquals(before.title(), p.title());
    assertEquals(31, p.upvotes());
    assertEquals(2, p.numComments());
    assertEquals(
        new Organization("example-lab", "Example Lab", "https://example.org/a.png"),
        p.organization());
    assertEquals("https://github.com/example/met-pose", p.githubRepo());
    assertEquals("MET-POSE tests pose estimators without hand-labelled keypoints.", p.aiSummary());
    assertEquals(LocalDate.parse(DAY), p.dailyDate(), "still on the day it was submitted");
    assertTrue(p.submitted());

    Paper bare = papers.find("2507.10541").orElseThrow();
    assertEquals(List.of("cs.CL"), bare.categories());
    assertTrue(bare.abstractText().startsWith("Recent Large Reasoning Models"), "arXiv's abstract");
    assertFalse(bare.authors().isEmpty(), "arXiv's authors");
    assertEquals(Instant.parse("2025-07-14T17:58:47Z"), bare.published());
    assertEquals(8, bare.upvotes());
  }

  @Test
  void aPaperArxivDoesNotKnowIsAskedAboutAgainOnlyAfterAWeek() {
    harvestTheDay();
    backfill(ArxivApiClient.IDS_PER_REQUEST);
    Paper unknown = papers.find("0808.05394").orElseThrow();
    assertEquals(List.of(), unknown.categories());
    assertEquals("An abstract only Hugging Face has.", unknown.abstractText());

    ArxivBackfill next = ArxivBackfill.scheduled(client, papers, clock);
    assertFalse(next.due(), "nothing waits: the unknown paper is not asked about every round");
    clock.advance(Duration.ofDays(6));
    assertFalse(next.due());
    clock.advance(Duration.ofDays(1));
    assertTrue(next.due(), "a week later it is asked about again");
    backfill(ArxivApiClient.IDS_PER_REQUEST);
    assertEquals(List.of("0808.05394"), askedIds().get(1));
  }

  @Test
  void whenArxivIsDownNothingIsLostAndTheNextRoundFillsThePapers() {
    harvestTheDay();
    for (int i = 0; i < 3; i++) {
      arxiv.then(Answer.of(503, new byte[0]));
    }
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> backfill(ArxivApiClient.IDS_PER_REQUEST));
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    Harvests.Harvest failed =
        app.harvests().find(ArxivBackfill.scheduled(client, papers, clock)).orElseThrow();
    assertEquals("failed", failed.state());
    assertTrue(failed.lastError().contains("after 3 tries"), failed.lastError());
    assertEquals(List.of(), papers.find("2502.09460").orElseThrow().categories());
    assertTrue(
        ArxivBackfill.scheduled(client, papers, clock).due(),
        "no paper was marked unknown because arXiv did not answer");

    Harvests.Harvest h = backfill(ArxivApiClient.IDS_PER_REQUEST);
    assertTrue(h.done());
    assertEquals(
        List.of("cs.SE", "cs.AI", "cs.CV"), papers.find("2502.09460").orElseThrow().categories());
    assertEquals(1, search("pose estimation", "cs.CV").total());
  }

  @Test
  void batchesHoldAtMostTheBatchSizeThreeSecondsApart() {
    harvestTheDay();
    Harvests.Harvest h = backfill(2);
    assertEquals(
        List.of(List.of("2507.10541", "2502.09460"), List.of("0808.05394")),
        askedIds(),
        "the newest day first, then by id, each paper once");
    assertEquals(2, h.pages());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps, "arXiv's pause between requests");
    Instant first = arxiv.requests().get(0).at();
    assertEquals(Duration.ofSeconds(3), Duration.between(first, arxiv.requests().get(1).at()));
  }

  @Test
  void aRoundStopsAfterItsPagesAndTheNextGoesOnWithTheRest() {
    harvestTheDay();
    Harvests.Harvest h =
        app.harvests().run(new ArxivBackfill(client, papers, clock, 1, 2), true, quiet(), () -> {});
    assertEquals(2, h.pages());
    assertNull(h.cursor());
    assertEquals(
        List.of("0808.05394"),
        papers.withoutCategories(clock.instant(), 10).stream().map(Paper::id).toList());
    assertTrue(ArxivBackfill.scheduled(client, papers, clock).due());
  }

  @Test
  void aBatchArxivRefusesIsAskedInHalvesSoOnlyTheRefusedPaperGoesWithout() {
    harvestTheDay();
    // arXiv's real answer to a malformed id ("abc"), for every list that holds 0808.05394
    ArxivFixtures.Recording refusal = ArxivFixtures.recording("id_abc_s0_m100_b79c8dcf6bc3.json");
    for (String ids : List.of("2507.10541,2502.09460,0808.05394", "2502.09460,0808.05394")) {
      arxiv.answering(
          Map.of("id_list", ids, "max_results", String.valueOf(ids.split(",").length)),
          Answer.of(refusal.status(), refusal.body()));
    }
    arxiv.answering(
        Map.of("id_list", "0808.05394", "max_results", "1"),
        Answer.of(refusal.status(), refusal.body()));

    Harvests.Harvest h = backfill(ArxivApiClient.IDS_PER_REQUEST);

    assertEquals(
        List.of(
            List.of("2507.10541", "2502.09460", "0808.05394"),
            List.of("2507.10541"),
            List.of("2502.09460", "0808.05394"),
            List.of("2502.09460"),
            List.of("0808.05394")),
        askedIds());
    assertEquals(2, h.updated());
    assertEquals(1, h.rejected());
    assertEquals(List.of("cs.CL"), papers.find("2507.10541").orElseThrow().categories());
    assertFalse(ArxivBackfill.scheduled(client, papers, clock).due(), "not asked again");
  }
}
