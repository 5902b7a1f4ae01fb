package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.ingest.ArxivFixtures;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest killed with SIGKILL while it fetches its fourth page, then resumed: afterwards the
 * store holds every recorded entry exactly once, as the recording describes it.
 */
class HarvestKilledTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T22:00:00Z");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aHarvestKilledHalfwayResumesAndLosesOrRepeatsNothing() throws Exception {
    try (FakeArxiv arxiv = new FakeArxiv(clock)) {
      for (String page : TestingSearch.PAGES.subList(0, 3)) {
        arxiv.then(FakeArxiv.Answer.of(200, ArxivFixtures.body(page)));
      }
      arxiv.then(FakeArxiv.Answer.hanging()); // the fourth request never gets its answer
      Process child =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "--enable-native-access=ALL-UNNAMED",
                  "-cp",
                  System.getProperty("java.class.path"),
                  HarvestUntilKilled.class.getName(),
                  dir.toString(),
                  arxiv.endpoint().toString())
              .redirectErrorStream(true)
              .start();
      List<String> output = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine();
            !"committed page 3".equals(line);
            line = out.readLine()) {
          assertTrue(line != null, () -> "the harvest died on its own:\n" + output);
          output.add(line);
        }
        while (arxiv.requests().size() < 4) {
          Thread.onSpinWait(); // until the child is waiting for page 4
        }
        child.destroyForcibly();
        assertEquals(137, child.waitFor());
      }
    }

    try (Database db = Database.open(dir.resolve("paperboy.db"));
        FakeArxiv arxiv = TestingSearch.server(clock);
        ArxivApiClient client = TestingSearch.client(arxiv.endpoint(), clock)) {
      PaperStore papers = new PaperStore(db);
      assertEquals(30, papers.countAll(), "three pages were committed before the kill");
      Harvests.Harvest h =
          new Harvests(db, papers, clock)
              .run(
                  TestingSearch.source(client),
                  false,
                  new PrintStream(OutputStream.nullOutputStream()),
                  () -> {});
      assertEquals("30", arxiv.requests().get(0).params().get("start"), "resumed at page 4");
      assertTrue(h.done());
      assertEquals(60, h.records(), "each record counted once across the two runs");
      assertEquals(60, h.created());

      Map<String, Paper> recorded = new LinkedHashMap<>();
      try (FakeArxiv replay = TestingSearch.server(clock);
          ArxivApiClient reader = TestingSearch.client(replay.endpoint(), clock)) {
        for (int start = 0; start < 60; start += 10) {
          reader
              .searchBySubmission("testing", start, 10)
              .papers()
              .forEach(p -> recorded.put(p.id(), p));
        }
      }
      assertEquals(60, recorded.size());
      assertEquals(60, papers.countAll());
      for (Paper want : recorded.values()) {
        Paper got =
            papers.find(want.id()).orElseThrow(() -> new AssertionError(want.id() + " lost"));
        assertEquals(want.title(), got.title(), want.id());
        assertEquals(want.authors(), got.authors(), want.id());
        assertEquals(want.version(), got.version(), want.id());
        assertEquals(want.abstractText(), got.abstractText(), want.id());
        assertEquals(ArxivSchedule.listingDay(want.published()), got.dailyDate(), want.id());
      }
    }
  }
}
