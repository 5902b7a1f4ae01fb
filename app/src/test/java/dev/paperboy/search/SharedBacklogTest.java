package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.Config;
import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes share one embedding backlog: every paper gets its vector once, from one of them. */
class SharedBacklogTest {

  @TempDir Path dir;

  @Test
  void twoNodesEmbedEachPaperOnce() throws Exception {
    try (Database db = TestDatabases.open(dir);
        EmbeddingModel modelA = new EmbeddingModel(Config.DEFAULT_EMBEDDING_MODEL);
        EmbeddingModel modelB = new EmbeddingModel(Config.DEFAULT_EMBEDDING_MODEL)) {
      PaperStore store = new PaperStore(db);
      new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
          .run(
              List.of(
                  TestApps.resource("web/2026-08-20.json"),
                  TestApps.resource("web/2026-08-21.json")));
      int papers = store.countAll();
      PaperVectors vectors = new PaperVectors(db);
      // small claims, so the two nodes take turns through the 32 papers
      EmbeddingBacklog a = new EmbeddingBacklog(modelA, store, vectors, "node-a", 4);
      EmbeddingBacklog b = new EmbeddingBacklog(modelB, store, vectors, "node-b", 4);
      modelA.load();
      modelB.load();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<Long> byA = pool.submit(() -> a.embed(Long.MAX_VALUE, null));
      Future<Long> byB = pool.submit(() -> b.embed(Long.MAX_VALUE, null));
      long embedded = byA.get() + byB.get();
      pool.shutdown();
      assertEquals(papers, embedded, "a: " + byA.get() + ", b: " + byB.get() + ", none twice");
      assertEquals(papers, vectors.count(Config.DEFAULT_EMBEDDING_MODEL));
      assertEquals(0, a.size(), "the backlog is empty");
      assertEquals(
          0L,
          (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM embedding_claims")),
          "every claim was fulfilled and ended");
    }
  }
}
