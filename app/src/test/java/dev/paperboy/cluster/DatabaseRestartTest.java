package dev.paperboy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.Poll;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server restarted under a running Paperboy, in the middle of an import's transaction:
 * the import stops with an error that says so, nothing it committed is lost, nothing half-written
 * stays, running it again stores every paper once, and the search index, following the change log,
 * ends up holding exactly the database's papers.
 */
class DatabaseRestartTest {

  @TempDir Path dir;

  static ImportReport importing(PaperStore store, String... resources) {
    return new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
        .run(java.util.Arrays.stream(resources).map(TestApps::resource).toList());
  }

  /**
   * Waits until the restarted server answers, as a readiness probe would (the pool drops the
   * connections that died with the old server as it hands them out).
   */
  static void answering(Database db) throws Exception {
    Poll.until(
        Duration.ofSeconds(20),
        "the restarted server to answer",
        () -> {
          try {
            db.ping();
            return true;
          } catch (StorageException notYet) {
            return false;
          }
        });
  }

  /** Waits until a session waits for a lock the locker holds (the import's transaction). */
  static void waitForABlockedWriter(Connection locker) throws Exception {
    Poll.until(
        Duration.ofSeconds(20),
        "the import to reach the locked change log",
        () -> {
          try (Statement st = locker.createStatement();
              ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE NOT granted")) {
            rs.next();
            return rs.getLong(1) > 0;
          }
        });
  }

  @Test
  void anImportResumesAfterPostgresqlRestartsAndNothingIsLostOrDoubled() throws Exception {
    assumeTrue(TestDatabases.onPostgres(), "a PostgreSQL server to restart");
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      PaperStore store = new PaperStore(db);
      importing(store, "web/2026-08-20.json");
      int first = store.countAll();
      assertTrue(first > 0);

      // the next import's first batch is written but cannot commit: another session holds the
      // change log; the server restarts under it, killing its transaction mid-import
      var settings = TestDatabases.settings(dir);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (Connection locker =
          DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
        locker.setAutoCommit(false);
        try (Statement st = locker.createStatement()) {
          st.execute("LOCK TABLE paper_changes IN EXCLUSIVE MODE");
        }
        Future<ImportReport> running =
            pool.submit(() -> importing(store, "web/2026-08-21.json", "web/2026-07-01.jsonl.gz"));
        waitForABlockedWriter(locker);
        TestDatabases.restartServer(
            () -> {
              ExecutionException failed = assertThrows(ExecutionException.class, running::get);
              assertTrue(failed.getCause() instanceof StorageException, failed::toString);
              assertTrue(
                  failed.getCause().getMessage().contains("upsert of"),
                  failed.getCause()::getMessage);
            });
      } catch (SQLException closingADeadConnection) {
        // the locking session died with the server, as it should
      } finally {
        pool.shutdownNow();
      }
      answering(db);
      assertEquals(first, store.countAll(), "the killed batch left nothing half-written");

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
