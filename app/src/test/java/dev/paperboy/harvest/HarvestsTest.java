package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harvest pages through a source, committing each page with its cursor, and resumes. */
class HarvestsTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T22:00:00Z");
  Database db;
  PaperStore papers;
  Harvests harvests;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    papers = new PaperStore(db);
    harvests = new Harvests(db, papers, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  int stored() {
    return papers.countAll();
  }

  @Test
  void aHarvestPagesToTheEndAndStoresEveryRecordOnce() {
    try (FakeArxiv arxiv = TestingSearch.server(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      Harvests.Harvest h = harvests.run(TestingSearch.source(client), false, quiet(), () -> {});
      assertTrue(h.done());
      assertEquals(7, h.pages(), "six recorded pages and the empty one after them");
      assertEquals(60, h.records());
      assertEquals(60, h.created());
      assertEquals(60, stored());
      List<String> starts = arxiv.requests().stream().map(r -> r.params().get("start")).toList();
      assertEquals(List.of("0", "10", "20", "30", "40", "50", "60"), starts);
      assertTrue(
          arxiv.requests().stream()
              .allMatch(r -> "submittedDate".equals(r.params().get("sortBy"))));
    }
  }

  @Test
  void aFinishedHarvestIsNotRunAgainUnlessAsked() {
    try (FakeArxiv arxiv = TestingSearch.server(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      harvests.run(TestingSearch.source(client), false, quiet(), () -> {});
      int requests = arxiv.requests().size();
      harvests.run(TestingSearch.source(client), false, quiet(), () -> {});
      assertEquals(requests, arxiv.requests().size());
      Harvests.Harvest again = harvests.run(TestingSearch.source(client), true, quiet(), () -> {});
      assertEquals(60, again.records());
      assertEquals(0, again.created(), "every record came back unchanged");
      assertEquals(60, stored());
    }
  }

  @Test
  void aHarvestThatFailsKeepsItsPagesAndResumesAfterThem() throws Exception {
    try (FakeArxiv arxiv = new FakeArxiv(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      arxiv
          .then(FakeArxiv.Answer.of(200, ArxivFixtures.body(TestingSearch.PAGES.get(0))))
          .then(FakeArxiv.Answer.of(200, ArxivFixtures.body(TestingSearch.PAGES.get(1))))
          .otherwise(FakeArxiv.Answer.of(503, "down".getBytes(StandardCharsets.UTF_8)));
      assertThrows(
          ArxivException.Unavailable.class,
          () -> harvests.run(TestingSearch.source(client), false, quiet(), () -> {}));
      Harvests.Harvest failed = harvests.all().get(0);
      assertEquals("failed", failed.state());
      assertEquals(2, failed.pages());
      assertTrue(failed.lastError().contains("HTTP 503"), failed.lastError());
      assertEquals(20, stored());
    }
    try (FakeArxiv arxiv = TestingSearch.server(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      Harvests.Harvest h = harvests.run(TestingSearch.source(client), false, quiet(), () -> {});
      assertEquals("20", arxiv.requests().get(0).params().get("start"), "resumed after page 2");
      assertTrue(h.done());
      assertEquals(60, h.records());
      assertEquals(60, stored());
    }
  }

  @Test
  void harvestedPapersJoinTheirListingDay() {
    try (FakeArxiv arxiv = TestingSearch.server(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      harvests.run(TestingSearch.source(client), false, quiet(), () -> {});
    }
    Set<String> wrong = new HashSet<>();
    for (Paper p :
        papers.feed(
            java.time.LocalDate.of(1990, 1, 1),
            java.time.LocalDate.of(2030, 1, 1),
            PaperStore.Order.UPVOTES,
            0,
            100)) {
      if (!p.dailyDate().equals(ArxivSchedule.listingDay(p.published()))) {
        wrong.add(p.id());
      }
    }
    assertEquals(Set.of(), wrong);
  }
}
