package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.ingest.ArxivAtomFeed;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a local server replaying recorded arXiv answers, on fake time. */
class ArxivApiClientTest {

  static final String[] ID_RECORDINGS = {
    "id_0000.0000_s0_m100_8b51d9633a68.json",
    "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json",
    "id_1605.08386_s0_m100_199195aa31ad.json",
    "id_2104.12255v1_s0_m100_6ae69987ffe1.json",
    "id_astro-ph_0601001_s0_m100_3150dca9dc76.json",
  };

  static final String[] TESTING_PAGES = {
    "q_testing_s0_m10_bc5a6c384fe9.json",
    "q_testing_s10_m10_34e56e15aaac.json",
    "q_testing_s20_m10_348a237fecab.json",
    "q_testing_s30_m10_f2e39f0143dc.json",
    "q_testing_s40_m10_96dd32eb854c.json",
    "q_testing_s50_m10_7f488ab8598c.json",
  };

  final FakeTime time = new FakeTime();
  FakeArxiv arxiv;
  ArxivApiClient client;

  @BeforeEach
  void start() throws IOException {
    arxiv = new FakeArxiv(time).replaying(ID_RECORDINGS).replaying(TESTING_PAGES);
    client = client(ArxivApiClient.Settings.defaults().withEndpoint(arxiv.endpoint()));
  }

  @AfterEach
  void stop() {
    client.close();
    arxiv.close();
  }

  ArxivApiClient client(ArxivApiClient.Settings settings) {
    return new ArxivApiClient(settings, time, time);
  }

  static ArxivId id(String text) {
    return ArxivId.parse(text).orElseThrow();
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void findsPapersByIdAndLeavesOutIdsArxivDoesNotKnow() {
    List<Paper> found = client.lookup(List.of(id("0808.05394"), id("1707.08567")));
    assertEquals(List.of("1707.08567"), found.stream().map(Paper::id).toList());
    assertEquals("0808.05394,1707.08567", arxiv.requests().get(0).params().get("id_list"));

    assertEquals(
        "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward"
            + " the Galactic Bulge and Carina",
        client.find(id("astro-ph/0601001")).orElseThrow().title());
    assertEquals(1, client.find(id("2104.12255v1")).orElseThrow().version());
    assertEquals(Optional.empty(), client.find(id("0000.0000")));
  }

  @Test
  void asksForAtMostAHundredIdsPerRequest() {
    arxiv.otherwise(Answer.of(200, ArxivFixtures.body(ID_RECORDINGS[0])));
    List<ArxivId> ids =
        IntStream.range(0, 250)
            .mapToObj(i -> new ArxivId(String.format(Locale.ROOT, "2608.%05d", i), 0))
            .toList();
    assertEquals(List.of(), client.lookup(ids));
    List<Integer> sizes =
        arxiv.requests().stream().map(r -> r.params().get("id_list").split(",").length).toList();
    assertEquals(List.of(100, 100, 50), sizes);
    assertEquals("50", arxiv.requests().get(2).params().get("max_results"));
  }

  @Test
  void pagingThroughASearchCollectsEveryEntryOnce() {
    List<String> ids = new ArrayList<>();
    for (int start = 0; start < 60; ) {
      ArxivAtomFeed page = client.search("testing", start, 10);
      assertEquals(214881, page.totalResults());
      assertEquals(start, page.startIndex());
      page.papers().forEach(p -> ids.add(p.id()));
      start += page.papers().size();
    }
    assertEquals(60, ids.size());
    assertEquals(60, new HashSet<>(ids).size(), "no entry twice");
    assertEquals("testing", arxiv.requests().get(5).params().get("search_query"));
  }

  @Test
  void twoRequestsInARowAreAtLeastThreeSecondsApart() {
    client.find(id("1605.08386"));
    client.find(id("0000.0000"));
    List<FakeArxiv.Request> requests = arxiv.requests();
    Duration gap = Duration.between(requests.get(0).at(), requests.get(1).at());
    assertTrue(gap.compareTo(seconds(3)) >= 0, gap::toString);
    assertEquals(List.of(seconds(3)), time.sleeps());
  }

  @Test
  void theUserAgentSaysWhoIsAsking() {
    client.find(id("1605.08386"));
    assertEquals(
        "Paperboy/0.1 (self-hosted paper feed; https://github.com/paperboy)",
        arxiv.requests().get(0).userAgent());
  }

  @Test
  void a503WithRetryAfterIsWaitedOutAndThenAnswered() {
    arxiv.then(Answer.of(503, new byte[0]).withHeader("Retry-After", "7"));
    assertTrue(client.find(id("1605.08386")).isPresent());
    assertEquals(List.of(seconds(7)), time.sleeps());
    assertEquals(2, arxiv.requests().size());
  }

  @Test
  void aRetryAfterOfAnHourEndsTheTriesAtOnce() {
    arxiv.then(Answer.of(503, new byte[0]).withHeader("Retry-After", "3600"));
    ArxivException.Unavailable e =
        assertThrows(ArxivException.Unavailable.class, () -> client.find(id("2608.01234")));
    assertEquals(
        "arXiv did not answer for 2608.01234 after 1 try (HTTP 503; it asked to wait 3600 s)",
        e.getMessage());
    assertEquals(List.of(), time.sleeps());
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "bad/1605.08386_truncated.xml"})
  void anEmptyOrCutOffAnswerIsAskedForAgain(String body) {
    arxiv.then(Answer.of(200, body.equals("empty") ? new byte[0] : ArxivFixtures.body(body)));
    assertTrue(client.find(id("1605.08386")).isPresent());
    assertEquals(List.of(seconds(5)), time.sleeps(), "the first backoff");
    assertEquals(2, arxiv.requests().size());
  }

  @Test
  void serverErrorsAreRetriedWithGrowingWaitsThenReportedPlainly() {
    arxiv.otherwise(Answer.of(500, new byte[0]));
    ArxivException.Unavailable e =
        assertThrows(ArxivException.Unavailable.class, () -> client.find(id("2608.01234")));
    assertEquals("arXiv did not answer for 2608.01234 after 3 tries (HTTP 500)", e.getMessage());
    assertEquals(List.of(seconds(5), seconds(10)), time.sleeps());
    assertEquals(3, arxiv.requests().size());
  }

  /** A client that waits 0.2 s for an answer. */
  ArxivApiClient impatientClient() {
    ArxivApiClient.Settings d = ArxivApiClient.Settings.defaults();
    return client(
        new ArxivApiClient.Settings(
            arxiv.endpoint(),
            d.userAgent(),
            d.connectTimeout(),
            Duration.ofMillis(200),
            d.tries(),
            d.spacing(),
            d.backoff()));
  }

  @Test
  @Timeout(10) // the read timeout must bound the whole answer, body included
  void aServerThatNeverAnswersFailsAfterTheTriesWithAClearMessage() {
    arxiv.otherwise(Answer.hanging());
    try (ArxivApiClient c = impatientClient()) {
      ArxivException.Unavailable e =
          assertThrows(ArxivException.Unavailable.class, () -> c.find(id("2608.01234")));
      assertEquals(
          "arXiv did not answer for 2608.01234 after 3 tries (no answer within 0.2 s)",
          e.getMessage());
    }
    assertEquals(3, arxiv.requests().size());
  }

  @Test
  @Timeout(10) // the read timeout must bound the whole answer, body included
  void anAnswerThatStallsHalfwayIsGivenUpOnAndAskedForAgain() {
    byte[] body = ArxivFixtures.body("id_1605.08386_s0_m100_199195aa31ad.json");
    arxiv.then(Answer.stallingAfter(Arrays.copyOf(body, body.length / 2)));
    try (ArxivApiClient c = impatientClient()) {
      assertTrue(c.find(id("1605.08386")).isPresent());
    }
    assertEquals(List.of(seconds(5)), time.sleeps());
  }

  @Test
  void aRefusedConnectionIsRetriedAndThenReported() throws IOException {
    URI closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/api/query");
    }
    try (ArxivApiClient c = client(ArxivApiClient.Settings.defaults().withEndpoint(closed))) {
      ArxivException.Unavailable e =
          assertThrows(ArxivException.Unavailable.class, () -> c.find(id("2608.01234")));
      assertEquals(
          "arXiv did not answer for 2608.01234 after 3 tries (could not connect)", e.getMessage());
      assertEquals(closed.getPort(), e.uri().getPort());
    }
  }

  @Test
  void arxivsErrorAnswerIsShownInItsOwnWordsAndNotRetried() {
    ArxivFixtures.Recording abc = ArxivFixtures.recording("id_abc_s0_m100_b79c8dcf6bc3.json");
    arxiv.then(Answer.of(abc.status(), abc.body()));
    ArxivException.Refused e =
        assertThrows(ArxivException.Refused.class, () -> client.find(id("2608.01234")));
    assertEquals("incorrect id format for abc", e.arxivMessage());
    assertEquals(1, arxiv.requests().size());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void aNotFoundWithoutArxivsExplanationIsRefusedWithItsStatus() {
    arxiv.otherwise(Answer.of(404, "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8)));
    ArxivException.Refused e =
        assertThrows(ArxivException.Refused.class, () -> client.find(id("2608.01234")));
    assertEquals("arXiv refused the query: HTTP 404 for 2608.01234", e.getMessage());
    assertEquals(1, arxiv.requests().size());
  }
}
