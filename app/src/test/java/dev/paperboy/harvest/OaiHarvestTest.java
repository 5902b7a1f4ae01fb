package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.FakeArxiv.Answer;
import dev.paperboy.harvest.OaiPmhClient.MetadataFormat;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.ingest.OaiPmhPage;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvests from arXiv's OAI-PMH interface, replayed from recordings: two sets, one paged with the
 * old interface's tokens and one with the new interface's, stopped after any page and resumed.
 */
class OaiHarvestTest {

  static final String LG_TOKEN = "726959|1001";
  static final String HEP_TH_TOKEN =
      "verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dphysics%253Ahep-th"
          + "%26from%3D2017-12-14%26skip%3D2";
  static final LocalDate FROM = LocalDate.parse("2014-10-01");

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T22:00:00Z");
  Database db;
  PaperStore papers;
  Harvests harvests;
  FakeArxiv arxiv;
  OaiPmhClient client;

  @BeforeEach
  void open() throws IOException {
    db = TestDatabases.open(dir);
    papers = new PaperStore(db);
    harvests = new Harvests(db, papers, clock);
    arxiv = FakeArxiv.oaiPmh(clock);
    record(arxiv);
    client = client(arxiv);
  }

  @AfterEach
  void close() {
    client.close();
    arxiv.close();
    db.close();
  }

  /** Two sets: cs:cs:LG answers with two old-style pages, physics:hep-th with two new-style. */
  static void record(FakeArxiv arxiv) {
    answer(arxiv, first("cs:cs:LG"), "ListRecordsResponse.xml");
    answer(arxiv, Map.of("verb", "ListRecords", "resumptionToken", LG_TOKEN), page2("LG"));
    answer(arxiv, first("physics:hep-th"), "derived/ListRecords-arXiv-hep-th-page1.xml");
    answer(arxiv, Map.of("verb", "ListRecords", "resumptionToken", HEP_TH_TOKEN), page2("hep-th"));
    arxiv.otherwise(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseBadArgument.xml")));
  }

  static String page2(String set) {
    return set.equals("LG")
        ? "derived/ListRecordsResponse-page2.xml"
        : "derived/ListRecords-arXiv-hep-th-page2.xml";
  }

  static Map<String, String> first(String set) {
    return Map.of(
        "verb", "ListRecords", "metadataPrefix", "arXivRaw", "set", set, "from", "2014-10-01");
  }

  static void answer(FakeArxiv arxiv, Map<String, String> params, String fixture) {
    arxiv.answering(params, Answer.of(200, ArxivFixtures.oaiPmh(fixture)));
  }

  /** A client that does not wait between requests (politeness is tested with the client). */
  static OaiPmhClient client(FakeArxiv arxiv) {
    ArxivApiClient.Settings d = OaiPmhClient.defaults();
    return new OaiPmhClient(
        new ArxivApiClient.Settings(
            arxiv.endpoint(),
            d.userAgent(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            3,
            Duration.ZERO,
            Duration.ZERO),
        java.time.InstantSource.system(),
        wait -> {});
  }

  OaiSource source() {
    return OaiSource.forCategories(client, List.of("cs.LG", "hep-th"), FROM, null);
  }

  Harvests.Harvest run(Runnable afterPage) {
    return harvests.run(
        source(), false, new PrintStream(OutputStream.nullOutputStream()), afterPage);
  }

  /** Every paper of the four recorded pages, read straight from the recordings by the client. */
  Map<String, Paper> recorded() {
    Map<String, Paper> all = new LinkedHashMap<>();
    for (String set : List.of("cs:cs:LG", "physics:hep-th")) {
      for (OaiPmhPage page = client.listRecords(MetadataFormat.ARXIV_RAW, set, FROM, null);
          ;
          page = client.resume(page.resumptionToken().value())) {
        page.papers().forEach(p -> all.put(p.id(), p));
        if (page.complete()) {
          break;
        }
      }
    }
    return all;
  }

  void assertStoreHoldsExactly(Map<String, Paper> recorded) {
    assertEquals(recorded.size(), papers.countAll(), "no paper lost or doubled");
    for (Paper want : recorded.values()) {
      Paper got = papers.find(want.id()).orElseThrow(() -> new AssertionError(want.id() + " lost"));
      assertEquals(want.title(), got.title(), want.id());
      assertEquals(want.authors(), got.authors(), want.id());
      assertEquals(want.version(), got.version(), want.id());
      assertEquals(want.categories(), got.categories(), want.id());
      assertEquals(ArxivSchedule.listingDay(want.published()), got.dailyDate(), want.id());
    }
  }

  static final class Stop extends RuntimeException {}

  void stopAfterTheFirstPage() {
    assertThrows(
        Stop.class,
        () ->
            run(
                () -> {
                  throw new Stop();
                }));
  }

  @Test
  void aHarvestStoppedAfterEachPageResumesAndEndsWithEveryRecordOnce() {
    Map<String, Paper> recorded = recorded();
    assertEquals(10, recorded.size(), "7 cs.LG papers (one record is deleted) and 3 hep-th");
    int before = arxiv.requests().size();
    int runs = 0;
    Harvests.Harvest h;
    while (true) {
      runs++;
      try {
        h =
            run(
                () -> {
                  throw new Stop(); // killed right after the page committed
                });
      } catch (Stop stopped) {
        continue;
      }
      break;
    }
    assertEquals(5, runs, "four runs each stopped after their page; the fifth finds it done");
    assertTrue(h.done());
    assertEquals(4, h.pages());
    assertEquals(10, h.records());
    assertEquals(10, h.created());
    assertStoreHoldsExactly(recorded);
    List<Map<String, String>> asked = new ArrayList<>();
    arxiv.requests().stream().skip(before).forEach(r -> asked.add(r.params()));
    assertEquals(
        List.of(
            first("cs:cs:LG"),
            Map.of("verb", "ListRecords", "resumptionToken", LG_TOKEN),
            first("physics:hep-th"),
            Map.of("verb", "ListRecords", "resumptionToken", HEP_TH_TOKEN)),
        asked,
        "each page asked for once, each resumed run starting where the last one committed");
  }

  @Test
  void aTokenArxivNoLongerAcceptsStartsThatSetsWindowAgainAndLosesNothing() {
    Map<String, Paper> recorded = recorded();
    stopAfterTheFirstPage();
    arxiv.then(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseBadResumptionToken.xml")));
    Harvests.Harvest h = run(() -> {});
    assertTrue(h.done());
    assertStoreHoldsExactly(recorded);
    assertEquals(10, h.created(), "the papers read twice were merged, not doubled");
  }

  @Test
  void aFailedPageLeavesTheHarvestResumableAndSaysWhy() {
    stopAfterTheFirstPage();
    arxiv.then(Answer.of(200, ArxivFixtures.oaiPmh("ErrorResponseBadArgument.xml")));
    RuntimeException e = assertThrows(RuntimeException.class, () -> run(() -> {}));
    Harvests.Harvest failed = harvests.all().get(0);
    assertEquals("failed", failed.state());
    assertEquals(e.getMessage(), failed.lastError());
    assertFalse(failed.done());
    assertEquals(1, failed.pages(), "the first page stays committed");
    assertTrue(run(() -> {}).done(), "the next run goes on from page 2");
    assertEquals(10, papers.countAll());
  }

  @Test
  void papersTheirAuthorsWithdrewAreMarked() {
    arxiv.answering(
        Map.of(
            "verb",
            "ListRecords",
            "metadataPrefix",
            "arXivRaw",
            "set",
            "cs:cs:LG",
            "from",
            "2026-08-01"),
        Answer.of(200, ArxivFixtures.oaiPmh("derived/ListRecords-arXivRaw-withdrawn.xml")));
    harvests.run(
        OaiSource.forCategories(client, List.of("cs.LG"), LocalDate.parse("2026-08-01"), null),
        false,
        new PrintStream(OutputStream.nullOutputStream()),
        () -> {});
    assertTrue(papers.find("2608.01234").orElseThrow().withdrawn(), "latest version has 0kb");
    assertTrue(papers.find("2608.01235").orElseThrow().withdrawn(), "comments say withdrawn");
    assertFalse(papers.find("2608.01236").orElseThrow().withdrawn(), "files came back later");
  }

  @Test
  void categoriesBecomeArxivsSets() {
    assertEquals("cs:cs:LG", OaiSource.set("cs.LG"));
    assertEquals("physics:hep-th", OaiSource.set("hep-th"));
    assertEquals("physics:astro-ph:EP", OaiSource.set("astro-ph.EP"));
    assertEquals("stat:stat:ML", OaiSource.set("stat.ML"));
    assertEquals("q-bio:q-bio:NC", OaiSource.set("q-bio.NC"));
    assertEquals("math", OaiSource.set("math"));
    assertEquals("cs:cs:LG", OaiSource.set("cs:cs:LG"));
    assertThrows(IllegalArgumentException.class, () -> OaiSource.set("cs LG"));
  }
}
