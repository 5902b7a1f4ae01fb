package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.harvest.FakeArxiv;
import dev.paperboy.harvest.HarvestSource;
import dev.paperboy.ingest.ArxivFixtures;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest commands as a person runs them, against arXiv replayed on a local port. */
class HarvestCommandTest {

  @TempDir Path dir;

  /** Runs the command, returning its exit code and what it printed on standard output. */
  record Ran(int exit, String out) {}

  static Ran run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      return new Ran(Main.run(args), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void anArxivHarvestRunsOnceAndIsListedByStatus() throws Exception {
    try (FakeArxiv arxiv = new FakeArxiv(InstantSource.system())) {
      arxiv
          .then(FakeArxiv.Answer.of(200, ArxivFixtures.body("q_testing_s0_m10_bc5a6c384fe9.json")))
          .then(
              FakeArxiv.Answer.of(
                  200, ArxivFixtures.body("id_0000.0000_s0_m100_8b51d9633a68.json")));
      String[] harvest = {
        "harvest",
        "arxiv",
        "--data-dir",
        dir.toString(),
        "--endpoint",
        arxiv.endpoint().toString(),
        "--categories",
        "cs.CL,cs.LG",
        "--from",
        "2026-08-17",
        "--until",
        "2026-08-21"
      };
      Ran first = run(harvest);
      assertEquals(0, first.exit());
      assertTrue(
          first.out().contains("10 records in 2 pages: 10 new, 0 updated, 0 rejected"),
          first.out());
      assertEquals(
          "(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202608170000 TO 202608212359]",
          arxiv.requests().get(0).params().get("search_query"));

      assertEquals(0, run(harvest).exit(), "already harvested: nothing to do");
      assertEquals(2, arxiv.requests().size(), "and nothing asked of arXiv");

      Ran status = run("harvest", "status", "--data-dir", dir.toString());
      assertEquals(0, status.exit());
      assertTrue(status.out().contains("arxiv-api done"), status.out());
    }
  }

  @Test
  void anOaiHarvestStoresTheSetsRecordsWithdrawalsIncluded() throws Exception {
    try (FakeArxiv arxiv = FakeArxiv.oaiPmh(InstantSource.system())) {
      arxiv.answering(
          Map.of(
              "verb", "ListRecords",
              "metadataPrefix", "arXivRaw",
              "set", "cs:cs:LG",
              "from", "2026-08-01",
              "until", "2026-08-02"),
          FakeArxiv.Answer.of(
              200, ArxivFixtures.oaiPmh("derived/ListRecords-arXivRaw-withdrawn.xml")));
      Ran ran =
          run(
              "harvest",
              "oai",
              "--data-dir",
              dir.toString(),
              "--endpoint",
              arxiv.endpoint().toString(),
              "--categories",
              "cs.LG",
              "--from",
              "2026-08-01",
              "--until",
              "2026-08-02");
      assertEquals(0, ran.exit());
      assertTrue(
          ran.out().contains("3 records in 1 page: 3 new, 0 updated, 0 rejected"), ran.out());
    }
    try (App app = new App(new Config("127.0.0.1", 0, dir).withEmbeddingModel("none"))) {
      assertTrue(app.papers().find("2608.01234").orElseThrow().withdrawn());
    }
    assertEquals(
        2,
        run(
                "harvest",
                "oai",
                "--data-dir",
                dir.toString(),
                "--categories",
                "cs LG",
                "--from",
                "2026-08-01")
            .exit(),
        "not a category");
    assertEquals(
        2,
        run(
                "harvest",
                "oai",
                "--data-dir",
                dir.toString(),
                "--format",
                "dc",
                "--from",
                "2026-08-01")
            .exit(),
        "not a format Paperboy reads");
  }

  @Test
  void aBackfillGivesImportedHuggingFacePapersTheirArxivCategories() throws Exception {
    String day = TestApps.resource("harvest/hf-2026-08-21-without-categories.json").toString();
    assertEquals(0, run("import", "--data-dir", dir.toString(), day).exit());
    try (FakeArxiv arxiv =
        new FakeArxiv(InstantSource.system())
            .knows("q_testing_s40_m10_96dd32eb854c.json")
            .otherwise(
                FakeArxiv.Answer.of(
                    200, ArxivFixtures.body("id_0000.0000_s0_m100_8b51d9633a68.json")))) {
      String[] backfill = {
        "harvest",
        "backfill",
        "--data-dir",
        dir.toString(),
        "--endpoint",
        arxiv.endpoint().toString()
      };
      Ran ran = run(backfill);
      assertEquals(1, ran.exit(), "one paper arXiv does not know: " + ran.out());
      assertTrue(
          ran.out().contains("2 records in 1 page: 0 new, 2 updated, 1 rejected"), ran.out());
      Ran again = run(backfill);
      assertEquals(0, again.exit());
      assertTrue(again.out().contains("every paper has its categories"), again.out());
      assertEquals(1, arxiv.requests().size());
    }
    try (App app = new App(new Config("127.0.0.1", 0, dir).withEmbeddingModel("none"))) {
      assertEquals(
          java.util.List.of("cs.SE", "cs.AI", "cs.CV"),
          app.papers().find("2502.09460").orElseThrow().categories());
    }
  }

  @Test
  void statusNamesAFailedHarvestsLastError() {
    try (App app = new App(new Config("127.0.0.1", 0, dir).withEmbeddingModel("none"))) {
      HarvestSource down =
          new HarvestSource() {
            @Override
            public String name() {
              return "arxiv-api";
            }

            @Override
            public String query() {
              return "categories=cs.CL from=2026-08-17 until=2026-08-17";
            }

            @Override
            public Page fetch(String cursor) {
              throw new IllegalStateException("arXiv did not answer for the search after 3 tries");
            }
          };
      assertThrows(
          IllegalStateException.class,
          () ->
              app.harvests()
                  .run(down, false, new PrintStream(OutputStream.nullOutputStream()), () -> {}));
    }
    Ran status = run("harvest", "status", "--data-dir", dir.toString());
    assertEquals(0, status.exit());
    assertTrue(status.out().contains("arxiv-api failed"), status.out());
    assertTrue(status.out().contains("last error: arXiv did not answer"), status.out());
  }

  @Test
  void badDatesAndMissingSubcommandsExitTwo() {
    assertEquals(
        2,
        run(
                "harvest",
                "arxiv",
                "--data-dir",
                dir.toString(),
                "--categories",
                "cs.CL",
                "--from",
                "2026-08-21",
                "--until",
                "2026-08-17")
            .exit());
    assertEquals(2, run("ingest").exit());
  }
}
