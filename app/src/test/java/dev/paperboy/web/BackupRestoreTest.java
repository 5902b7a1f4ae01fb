package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.Engines;
import dev.paperboy.TestApps;
import dev.paperboy.backup.Backup;
import dev.paperboy.backup.Layout;
import dev.paperboy.backup.Restore;
import dev.paperboy.community.Role;
import dev.paperboy.community.User;
import dev.paperboy.storage.Sql;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken from a serving Paperboy while someone votes, restored into a new data directory,
 * serves the same papers, accounts, votes and search.
 */
class BackupRestoreTest {

  /** Backups copy the embedded instance's files; a PostgreSQL instance is backed up by pg_dump. */
  @org.junit.jupiter.api.BeforeAll
  static void embeddedOnly() {
    org.junit.jupiter.api.Assumptions.assumeFalse(dev.paperboy.TestDatabases.onPostgres());
  }

  static final String PASSWORD = "correct horse battery";
  static final String ENV_HARNESS = "2608.19880";
  static final String OTHER = "2608.18580";
  static final String BUSY = "2608.20335";
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  static final URI NO_ARXIV = URI.create("http://127.0.0.1:9/");

  @TempDir Path source;
  @TempDir Path backups;
  @TempDir Path restored;

  @Test
  void aBackupTakenWhileServingAndWritingRestoresPapersAccountsVotesAndSearch() throws Exception {
    int papers;
    long envHarnessUpvotes;
    String signingKey;
    Path folder = backups.resolve("nightly");
    try (App app =
        TestApps.serving(
            source, Clock.systemUTC(), NO_ARXIV, "web/2026-08-21.json", "web/2026-08-20.json")) {
      User ada = app.community().accounts().create("ada@example.org", "Ada", PASSWORD, Role.USER);
      User bob = app.community().accounts().create("bob@example.org", "Bob", PASSWORD, Role.USER);
      User busy =
          app.community().accounts().create("busy@example.org", "Busy", PASSWORD, Role.USER);
      app.community().votes().toggle(ada, ENV_HARNESS);
      app.community().votes().toggle(bob, ENV_HARNESS);
      app.community().votes().toggle(ada, OTHER);
      papers = app.papers().countAll();
      signingKey = signingKey(app);
      envHarnessUpvotes = app.papers().find(ENV_HARNESS).orElseThrow().totalUpvotes();

      // someone keeps voting, and the index keeps committing, while the backup runs
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger writes = new AtomicInteger();
      CountDownLatch writing = new CountDownLatch(3);
      Thread writer =
          new Thread(
              () -> {
                while (!stop.get()) {
                  app.community().votes().toggle(busy, BUSY);
                  app.search().follower().catchUp(null);
                  writes.incrementAndGet();
                  writing.countDown();
                }
              });
      writer.start();
      assertTrue(writing.await(30, TimeUnit.SECONDS), "the writer never got going");
      int before = writes.get();
      // between the index's snapshot and the database's copy, the server writes at least once more:
      // the restored index then lags its database, which the catch-up on start must repair
      PrintStream waitsForAWrite =
          new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void println(String line) {
              if (line.startsWith("database:")) {
                int seen = writes.get();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (writes.get() == seen && System.nanoTime() < deadline) {
                  Thread.onSpinWait();
                }
              }
            }
          };
      Backup.Summary backup = Backup.run(layout(source), folder, Clock.systemUTC(), waitsForAWrite);
      int during = writes.get() - before;
      stop.set(true);
      writer.join();
      assertTrue(during > 0, "nothing was written while the backup ran");
      assertEquals(papers, backup.rows().get("papers"));
      assertEquals(3, backup.rows().get("users"));
    }

    Restore.run(folder, layout(restored), false, QUIET);
    assertThrows(
        Restore.TargetInUse.class, () -> Restore.run(folder, layout(restored), false, QUIET));
    // the index came with the backup: it is not rebuilt, only brought up to the database
    assertEquals(papers, Engines.indexedDocuments(restored.resolve("index")));

    try (App again =
        new App(
            new Config("127.0.0.1", 0, restored)
                .withEmbeddingModel("none")
                .withArxivApiUrl(NO_ARXIV))) {
      assertTrue(again.search().follower().catchUp(null) <= papers);
      assertEquals(signingKey, signingKey(again), "links signed before still verify");
      again.serve();
      String base = TestApps.baseUrl(again);
      WebClient browser = new WebClient(base);
      assertEquals(papers, again.papers().countAll());
      assertEquals(200, browser.get("/api/papers/" + OTHER).statusCode());
      assertEquals(303, browser.signIn("ada@example.org", PASSWORD).statusCode());
      assertEquals(303, new WebClient(base).signIn("busy@example.org", PASSWORD).statusCode());
      String paper = browser.get("/api/papers/" + ENV_HARNESS).body();
      assertTrue(paper.contains("\"upvotes\":" + envHarnessUpvotes), paper);
      // the busy paper's count and its vote rows come from the same moment
      long rows =
          again
              .database()
              .read(c -> Sql.count(c, "SELECT COUNT(*) FROM votes WHERE paper_id = ?", BUSY));
      assertEquals(rows, again.papers().find(BUSY).orElseThrow().community().upvotes());
      String found = browser.get("/search?q=EnvHarness").body();
      assertTrue(found.contains("/papers/" + ENV_HARNESS), found);
    }
  }

  @Test
  void aFolderWithoutAManifestIsNotRestored() throws Exception {
    Path half = Files.createDirectories(backups.resolve("half"));
    Files.writeString(half.resolve("paperboy.db"), "not a database");
    var refused =
        assertThrows(
            dev.paperboy.backup.BackupException.class,
            () -> Restore.run(half, layout(restored), false, QUIET));
    assertTrue(refused.getMessage().contains("backup.properties"), refused.getMessage());
    assertTrue(Files.notExists(restored.resolve("paperboy.db")));
  }

  /** The key that signs links and tokens, kept in the database. */
  static String signingKey(App app) {
    return app.database()
        .read(c -> Sql.one(c, "SELECT value FROM secrets", rs -> rs.getString(1)).orElseThrow());
  }

  static Layout layout(Path dataDir) {
    Config c = new Config("127.0.0.1", 0, dataDir);
    return new Layout(c.dataDir(), c.databaseFile(), c.indexDir(), c.secretFile());
  }
}
