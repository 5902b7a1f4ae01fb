package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.ingest.HfDailyPapersClient;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    db = Database.open(dir.resolve("paperboy.db"));
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

  Harvests.Harvest harvest(String date, int pageSize) {
    try (HfDailyPapersClient client =
        new HfDailyPapersClient(hf.endpoint(), pageSize, clock, d -> {})) {
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
}
