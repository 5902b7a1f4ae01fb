package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.harvest.OaiPmhClient.MetadataFormat;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.ingest.OaiPmhPage;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAI-PMH client against a local server replaying recorded arXiv answers, on fake time. */
class OaiPmhClientTest {

  static final String NEW_STYLE_TOKEN =
      "verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dphysics%253Ahep-th"
          + "%26from%3D2017-12-14%26skip%3D2";

  final FakeTime time = new FakeTime();
  FakeArxiv arxiv;
  OaiPmhClient client;

  @BeforeEach
  void start() throws IOException {
    arxiv = FakeArxiv.oaiPmh(time);
    answer(
        Map.of("verb", "ListRecords", "metadataPrefix", "arXivRaw", "from", "2014-10-01"),
        "ListRecordsResponse.xml");
    answer(
        Map.of("verb", "ListRecords", "resumptionToken", "726959|1001"),
        "derived/ListRecordsResponse-page2.xml");
    answer(
        Map.of(
            "verb", "ListRecords",
            "metadataPrefix", "arXiv",
            "set", "physics:hep-th",
            "from", "2017-12-14"),
        "derived/ListRecords-arXiv-hep-th-page1.xml");
    answer(
        Map.of("verb", "ListRecords", "resumptionToken", NEW_STYLE_TOKEN),
        "derived/ListRecords-arXiv-hep-th-page2.xml");
    arxiv.otherwise(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseNoRecordsMatch.xml")));
    client = new OaiPmhClient(OaiPmhClient.defaults().withEndpoint(arxiv.endpoint()), time, time);
  }

  void answer(Map<String, String> params, String fixture) {
    arxiv.answering(params, Answer.of(200, ArxivFixtures.oaiPmh(fixture)));
  }

  @AfterEach
  void stop() {
    client.close();
    arxiv.close();
  }

  static LocalDate day(String s) {
    return LocalDate.parse(s);
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  /** The ids of every paper and deleted record, page after page until the list is complete. */
  List<String> harvest(OaiPmhPage first) {
    List<String> ids = new ArrayList<>();
    for (OaiPmhPage page = first; ; page = client.resume(page.resumptionToken().value())) {
      page.papers().forEach(p -> ids.add(p.id()));
      page.deleted().forEach(d -> ids.add(d.id()));
      if (page.complete()) {
        return ids;
      }
    }
  }

  @Test
  void theFirstPageAsksForTheFormatSetAndWindow() {
    client.listRecords(MetadataFormat.ARXIV_RAW, "cs:cs:LG", day("2026-08-01"), day("2026-08-02"));
    assertEquals(
        Map.of(
            "verb", "ListRecords",
            "metadataPrefix", "arXivRaw",
            "set", "cs:cs:LG",
            "from", "2026-08-01",
            "until", "2026-08-02"),
        arxiv.requests().get(0).params());
  }

  @Test
  void aWindowWithoutSetOrBoundsAsksForNone() {
    client.listRecords(MetadataFormat.ARXIV, null, null, null);
    assertEquals(
        Map.of("verb", "ListRecords", "metadataPrefix", "arXiv"), arxiv.requests().get(0).params());
  }

  @Test
  void pagingThroughTwoOldStylePagesCollectsEveryRecordOnce() {
    List<String> ids =
        harvest(client.listRecords(MetadataFormat.ARXIV_RAW, null, day("2014-10-01"), null));
    assertEquals(
        List.of(
            "0704.0471",
            "0704.0716",
            "0704.0874",
            "0704.1109",
            "0704.1114",
            "0704.1586",
            "1302.2146",
            "0704.1587"),
        ids);
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no record twice");
    assertEquals(
        Map.of("verb", "ListRecords", "resumptionToken", "726959|1001"),
        arxiv.requests().get(1).params(),
        "the next page is asked for by its token alone");
  }

  @Test
  void aNewStyleTokenGoesBackToArxivExactlyAsGiven() {
    List<String> ids =
        harvest(
            client.listRecords(MetadataFormat.ARXIV, "physics:hep-th", day("2017-12-14"), null));
    assertEquals(List.of("1412.8323", "1507.07790", "1607.01710"), ids);
    assertEquals(NEW_STYLE_TOKEN, arxiv.requests().get(1).params().get("resumptionToken"));
  }

  @Test
  void noRecordsMatchIsAnEmptyCompleteResult() {
    OaiPmhPage page =
        client.listRecords(MetadataFormat.ARXIV_RAW, "cs", day("2026-08-01"), day("2026-08-01"));
    assertEquals(List.of(), page.papers());
    assertTrue(page.complete());
  }

  @Test
  void aBadResumptionTokenIsItsOwnExceptionAndIsNotAskedAgain() {
    arxiv.then(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseBadResumptionToken.xml")));
    ArxivException.BadResumptionToken e =
        assertThrows(ArxivException.BadResumptionToken.class, () -> client.resume("3"));
    assertEquals("The resumptionToken supplied is illegal for this repository", e.arxivMessage());
    assertEquals(1, arxiv.requests().size());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void anotherOaiErrorCarriesItsCodeAndIsNotAskedAgain() {
    arxiv.then(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseBadArgument.xml")));
    ArxivException.OaiPmhError e =
        assertThrows(
            ArxivException.OaiPmhError.class,
            () -> client.listRecords(MetadataFormat.ARXIV, "cs", null, null));
    assertEquals("badArgument", e.code());
    assertEquals(1, arxiv.requests().size());
  }

  @Test
  void a503WithRetryAfterIsWaitedOutOnTheClockAndThenAnswered() {
    arxiv.then(Answer.of(503, new byte[0]).withHeader("Retry-After", "7"));
    OaiPmhPage page = client.listRecords(MetadataFormat.ARXIV_RAW, null, day("2014-10-01"), null);
    assertEquals(6, page.papers().size());
    assertEquals(List.of(seconds(7)), time.sleeps());
    List<FakeArxiv.Request> requests = arxiv.requests();
    assertEquals(seconds(7), Duration.between(requests.get(0).at(), requests.get(1).at()));
  }

  @Test
  void aCutOffAnswerIsAskedForAgain() {
    byte[] whole = ArxivFixtures.oaiPmh("ListRecordsResponse.xml");
    arxiv.then(Answer.of(200, Arrays.copyOf(whole, whole.length / 2)));
    OaiPmhPage page = client.listRecords(MetadataFormat.ARXIV_RAW, null, day("2014-10-01"), null);
    assertEquals(6, page.papers().size());
    assertEquals(List.of(seconds(5)), time.sleeps(), "the first backoff");
    assertEquals(2, arxiv.requests().size());
  }

  @Test
  void twoRequestsInARowAreAtLeastThreeSecondsApart() {
    OaiPmhPage first = client.listRecords(MetadataFormat.ARXIV_RAW, null, day("2014-10-01"), null);
    client.resume(first.resumptionToken().value());
    List<FakeArxiv.Request> requests = arxiv.requests();
    Duration gap = Duration.between(requests.get(0).at(), requests.get(1).at());
    assertTrue(gap.compareTo(seconds(3)) >= 0, gap::toString);
    assertEquals(List.of(seconds(3)), time.sleeps());
  }

  @Test
  void theUserAgentSaysWhoIsAsking() {
    client.listRecords(MetadataFormat.ARXIV, null, null, null);
    assertEquals(ArxivApiClient.Settings.USER_AGENT, arxiv.requests().get(0).userAgent());
  }

  @Test
  void papersCarryTheDayArxivStampedTheirRecordWith() {
    Paper p =
        client.listRecords(MetadataFormat.ARXIV_RAW, null, day("2014-10-01"), null).papers().get(0);
    assertEquals(day("2014-11-18"), p.dailyDate());
  }

  @Test
  void requestsThatCannotBeRightAreRefusedBeforeAskingArxiv() {
    assertThrows(
        IllegalArgumentException.class,
        () -> client.listRecords(MetadataFormat.ARXIV, "cs.LG", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.listRecords(MetadataFormat.ARXIV, "cs", day("2026-08-02"), day("2026-08-01")));
    assertThrows(IllegalArgumentException.class, () -> client.resume(""));
    assertEquals(List.of(), arxiv.requests());
  }

  @Test
  void theDefaultsAskArxivsOaiPmhEndpoint() {
    assertEquals("https://oaipmh.arxiv.org/oai", OaiPmhClient.defaults().endpoint().toString());
  }
}
