package dev.paperboy.bench;

import dev.paperboy.App;
import dev.paperboy.Engines;
import dev.paperboy.search.Search;
import dev.paperboy.storage.Sql;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embedding a backlog with one node and with two sharing it: the newest papers' vectors are
 * dropped, one node embeds half of them, then two nodes (each its own index) embed the rest
 * together, claiming papers so that none is embedded twice.
 */
public final class Backfill {

  private Backfill() {}

  /** Measures it on {@code app}'s database; returns the two rates by name. */
  public static Map<String, Double> run(App app, int papers, PrintStream out) {
    Map<String, Double> numbers = new java.util.LinkedHashMap<>();
    String model = app.config().embeddingModel();
    int dropped =
        app.database()
            .transaction(
                c ->
                    Sql.update(
                        c,
                        "DELETE FROM paper_vectors WHERE model = ? AND id IN (SELECT id FROM papers"
                            + " ORDER BY COALESCE(daily_date, '') DESC, id LIMIT ?)",
                        model,
                        2 * papers));
    out.printf(Locale.ROOT, "backfill: %,d vectors dropped to embed again%n", dropped);
    long before = dropped + count(app, model);
    Path base = app.config().dataDir();
    try (Search one = node(app, base.resolve("backfill-1"), "bench-1");
        Search two = node(app, base.resolve("backfill-2"), "bench-2")) {
      one.model().load();
      two.model().load();
      long started = System.nanoTime();
      long alone = one.backlog().embed(dropped / 2, null);
      double s1 = (System.nanoTime() - started) / 1e9;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      started = System.nanoTime();
      // the rest of the dropped papers, a quarter each: the backlog past them is not ours to embed
      long rest = dropped - alone;
      Future<Long> a = pool.submit(() -> one.backlog().embed(rest / 2, null));
      Future<Long> b = pool.submit(() -> two.backlog().embed(rest - rest / 2, null));
      long byA = a.get();
      long byB = b.get();
      double s2 = (System.nanoTime() - started) / 1e9;
      pool.shutdown();
      long vectors = count(app, model);
      out.printf(
          Locale.ROOT,
          "backfill: one node %,d papers in %.1f s (%.1f/s); two nodes %,d + %,d papers in %.1f s"
              + " (%.1f/s); %,d vectors stored, every dropped one again: %s%n",
          alone,
          s1,
          alone / s1,
          byA,
          byB,
          s2,
          (byA + byB) / s2,
          vectors,
          alone + byA + byB == dropped && vectors == before);
      numbers.put("backfill 1 node /s", alone / s1);
      numbers.put("backfill 2 nodes /s", (byA + byB) / s2);
      return numbers;
    } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
      throw new IllegalStateException("the backfill failed", e);
    }
  }

  private static long count(App app, String model) {
    return app.database()
        .read(c -> Sql.count(c, "SELECT COUNT(*) FROM paper_vectors WHERE model = ?", model));
  }

  private static Search node(App app, Path indexDir, String name) {
    return Engines.search(app.database(), indexDir, app.config().embeddingModel(), name, false);
  }
}
