package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestDatabases;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.DatabaseCopy;
import dev.paperboy.storage.Schema;
import dev.paperboy.storage.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a live instance: every table is copied with its vectors, verified by counts and checksums,
 * and a second run neither doubles a row nor misses one changed in between.
 */
class MigrateTest {

  @TempDir Path dir;

  @Test
  void everyTableArrivesVerifiedAndARerunBringsTheCopyUpToDate() {
    // from the embedded file into the run's database: PostgreSQL when the suite runs on it
    try (CommunityFixture f =
            new CommunityFixture(
                dir.resolve("source"),
                "2026-08-21T18:00:00Z",
                Database.open(dir.resolve("source/paperboy.db")));
        Database target = TestDatabases.open(dir.resolve("target"))) {
      f.importing("web/2026-08-20.json", "web/2026-08-21.json");
      User ada = f.user("ada");
      User bob = f.user("bob");
      f.services.votes().toggle(ada, "2608.19880");
      f.services.votes().toggle(bob, "2608.19880");
      f.services.comments().post(ada, "2608.19880", null, "A *clear* write-up.");
      var reading = f.services.collections().create(ada, "Reading", "", true);
      f.services.collections().add(ada, reading.id(), "2608.19863");
      new PaperVectors(f.db).save("test-model", Map.of("2608.19880", new float[] {0.6f, 0.8f}));

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DatabaseCopy copy =
          new DatabaseCopy(f.db, target, new PrintStream(out, true, StandardCharsets.UTF_8));
      copy.copy(Schema.TABLES);
      String progress = out.toString(StandardCharsets.UTF_8);
      assertTrue(progress.contains("migrate [######"), progress);
      assertTrue(progress.contains("papers"), progress);
      List<DatabaseCopy.Verified> checks = copy.verify(Schema.TABLES);
      assertFalse(checks.isEmpty());
      for (DatabaseCopy.Verified v : checks) {
        assertTrue(v.ok(), v::toString);
      }
      assertEquals(32, count(target, "papers"));
      assertEquals(2, count(target, "votes"));
      assertEquals(
          165, new PaperStore(target).find("2608.19880").orElseThrow().totalUpvotes(), "163 + 2");
      assertEquals(
          0.8f,
          new PaperVectors(target).find("test-model", List.of("2608.19880")).get("2608.19880")[1]);

      // the instance goes on while it is moved: the rerun adds and updates, and doubles nothing
      f.services.votes().toggle(bob, "2608.19880");
      f.services.comments().post(bob, "2608.19863", null, "Another comment.");
      copy.copy(Schema.TABLES);
      for (DatabaseCopy.Verified v : copy.verify(Schema.TABLES)) {
        assertTrue(v.ok(), v::toString);
      }
      assertEquals(1, count(target, "votes"), "the vote taken back is gone from the copy too");
      assertEquals(2, count(target, "comments"));
      assertEquals(164, new PaperStore(target).find("2608.19880").orElseThrow().totalUpvotes());
      // a new row on the target takes the next id, not one a copied row holds
      User cy =
          new Accounts(target, new PaperStore(target), new Passwords(), f.clock)
              .create("cy@example.org", "cy", CommunityFixture.PASSWORD, Role.USER);
      assertEquals(3, cy.id(), "after ada (1) and bob (2)");
    }
  }

  static long count(Database db, String table) {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table));
  }
}
