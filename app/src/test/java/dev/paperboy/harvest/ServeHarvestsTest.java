package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Poll;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.ingest.ArxivFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server left to itself on an announcement evening fills itself from arXiv and Hugging Face (on
 * local ports), and what it harvests is on its pages and in its search at once.
 */
class ServeHarvestsTest {

  @TempDir Path dir;

  static HttpResponse<String> get(App app, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Thursday 21 Aug 2026, 21:30 US Eastern: arXiv has announced, the harvest hour is past. */
  static TestClock announcementEvening() {
    return TestClock.at("2026-08-21T01:30:00Z");
  }

  /** arXiv's OAI-PMH with the week's cs.LG records, and nothing for any other question. */
  static FakeArxiv announcingArxiv() throws IOException {
    FakeArxiv arxiv = FakeArxiv.oaiPmh(InstantSource.system());
    arxiv.answering(
        DailySyncTest.window("2026-08-18", "2026-08-21"),
        Answer.of(200, ArxivFixtures.oaiPmh("derived/ListRecords-arXivRaw-withdrawn.xml")));
    arxiv.otherwise(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseNoRecordsMatch.xml")));
    return arxiv;
  }

  static FakeHuggingFace huggingFaceOfTheWeek() throws IOException {
    return new FakeHuggingFace()
        .day("2026-08-21", Files.readAllBytes(TestApps.resource("web/2026-08-21.json")));
  }

  /** arXiv's API, knowing none of the week's Hugging Face papers (they are the future's). */
  static FakeArxiv arxivApiKnowingNone() throws IOException {
    return new FakeArxiv(InstantSource.system())
        .otherwise(Answer.of(200, ArxivFixtures.body(TestingSearch.EMPTY)));
  }

  /**
   * A keyword-only server that harvests cs.LG from these fakes at 21:00 US Eastern and looks up
   * categories on the {@code api} fake.
   */
  static Config harvesting(Path dir, FakeArxiv arxiv, FakeArxiv api, FakeHuggingFace hf) {
    return TestDatabases.config(dir)
        .withEmbeddingModel("none")
        .withArxivApiUrl(api.endpoint())
        .withHarvest(
            new HarvestSettings(
                true,
                List.of("cs.LG"),
                21,
                ArxivSchedule.EASTERN,
                arxiv.endpoint(),
                hf.endpoint()));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theServerHarvestsOnItsScheduleAndTheHarvestIsSearchable() throws Exception {
    TestClock clock = announcementEvening();
    try (FakeArxiv arxiv = announcingArxiv();
        FakeArxiv api = arxivApiKnowingNone();
        FakeHuggingFace hf = huggingFaceOfTheWeek()) {
      Config config = harvesting(dir, arxiv, api, hf);
      try (App app = new App(config, clock)) {
        app.serve();
        // arXiv first, then three days of Hugging Face, 3 s apart
        Poll.until(
            Duration.ofSeconds(60),
            "three Hugging Face days harvested",
            () -> app.harvests().done("hf").size() >= 3);
        assertEquals(1, app.harvests().done("arxiv-oai").size());
        assertEquals(163, app.papers().find("2608.19880").orElseThrow().upvotes());
        Poll.until(
            Duration.ofSeconds(30),
            "Hugging Face's papers looked up on arXiv",
            () -> !app.harvests().done("arxiv-backfill").isEmpty());

        HttpResponse<String> found = get(app, "/api/papers/search?q=Hand-made");
        assertEquals(200, found.statusCode());
        assertTrue(found.body().contains("2608.01236"), found.body());

        String status = get(app, "/status").body();
        assertTrue(
            status.contains(
                "<td>arxiv-oai</td><td>sets=cs:cs:LG format=arXivRaw from=2026-08-18"
                    + " until=2026-08-21</td><td class=\"state\">done</td><td>1</td><td>3</td>"),
            status);
        assertTrue(
            status.contains(
                "<td>arxiv-backfill</td><td>papers without categories</td>"
                    + "<td class=\"state\">done</td>"),
            status);
        assertEquals(1, api.requests().size(), "the day's papers in one request");
      }
    }
  }
}
