package dev.paperboy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.Search;
import dev.paperboy.search.TestSearches;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.StorageException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server restarted under a running Paperboy: the import in progress stops with an
 * error that says so, nothing it committed is lost, running it again stores every paper once, and
 * the search index, following the change log, ends up holding exactly the database's papers.
 */
class DatabaseRestartTest {

  @TempDir Path dir;

  static ImportReport importing(PaperStore store, String... resources) {
    return new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
        .run(java.util.Arrays.stream(resources).map(TestApps::resource).toList());
  }

  @Test
  void anImportResumesAfterPostgresqlRestartsAndNothingIsLostOrDoubled() {
    assumeTrue(TestDatabases.onPostgres(), "a PostgreSQL server to restart");
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      PaperStore store = new PaperStore(db);
      importing(store, "web/2026-08-20.json");
      int first = store.countAll();
      assertTrue(first > 0);

      TestDatabases.restartServer(
          () -> {
            // the server is down: the import fails at its first write and says why
            StorageException down =
                assertThrows(
                    StorageException.class,
                    () -> importing(store, "web/2026-08-21.json", "web/2026-07-01.jsonl.gz"));
            assertTrue(down.getMessage().contains("failed"), down.getMessage());
          });

      // the pool reconnects by itself; the same import, run again, finishes
      ImportReport again = importing(store, "web/2026-08-21.json", "web/2026-07-01.jsonl.gz");
      assertTrue(again.created() > 0, again::table);
      ImportReport twice = importing(store, "web/2026-08-20.json", "web/2026-08-21.json");
      assertEquals(0, twice.created(), "a third run doubles nothing");
      assertEquals(first + again.created(), store.countAll());
      search.follower().catchUp(null);
      assertEquals(store.countAll(), search.indexedCount(), "one document per stored paper");
    }
  }
}
