package dev.paperboy.eval;

import dev.paperboy.Engines;
import dev.paperboy.SearchSettings;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures search quality on a BEIR collection through the real pipeline: the documents go into a
 * Paperboy database, index and embedding backlog in {@code workDir} (kept, so vectors are embedded
 * once), and every query runs through {@link SearchService} in each mode.
 */
public final class Evaluation {

  /** One mode's scores, averaged over the queries, and its latency per query. */
  public record Row(
      SearchMode mode,
      double ndcg10,
      double recall100,
      double mrr10,
      double p50Millis,
      double p99Millis) {}

  private Evaluation() {}

  public static List<Row> run(
      Path beirDir, String split, String model, Path workDir, PrintStream progress)
      throws IOException {
    return run(beirDir, split, model, workDir, SearchSettings.EMBEDDED, progress);
  }

  /**
   * The same on the given engine: the embedded index in the work directory, or a SolrCloud
   * collection of its own beside the work directory's database (vectors are shared).
   */
  public static List<Row> run(
      Path beirDir,
      String split,
      String model,
      Path workDir,
      SearchSettings engine,
      PrintStream progress)
      throws IOException {
    BeirCollection beir = BeirCollection.read(beirDir, split);
    progress.printf(
        Locale.ROOT,
        "eval: %,d documents, %,d queries with judgements (%s)%n",
        beir.corpus().size(),
        beir.queries().size(),
        split);
    try (Database db = Database.open(workDir.resolve("eval.db"));
        Search search =
            Engines.search(
                db,
                engine.solr()
                    ? engine.withCollection(
                        "paperboy-eval-" + beirDir.getFileName().toString().replaceAll("\\W", ""))
                    : engine,
                workDir.resolve("index"),
                model,
                "eval",
                false)) {
      PaperStore store = new PaperStore(db);
      if (store.countAll() < beir.corpus().size()) {
        List<Paper> docs = new ArrayList<>();
        for (BeirCollection.Doc d : beir.corpus()) {
          docs.add(asPaper(d));
          if (docs.size() == 2000) {
            store.upsert(docs);
            docs.clear();
          }
        }
        store.upsert(docs);
      }
      if (search.model().configured()) {
        search.backlog().embed(Long.MAX_VALUE, progress);
      }
      search.follower().catchUp(progress);
      List<Row> rows = new ArrayList<>();
      for (SearchMode mode : SearchMode.values()) {
        if (mode != SearchMode.KEYWORD && !search.model().configured()) {
          continue;
        }
        rows.add(score(search.service(), beir, mode));
      }
      return rows;
    }
  }

  private static Row score(SearchService search, BeirCollection beir, SearchMode mode) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    long[] nanos = new long[beir.queries().size()];
    int i = 0;
    for (Map.Entry<String, String> q : beir.queries().entrySet()) {
      String text =
          q.getValue().length() > SearchRequest.MAX_QUERY_CHARS
              ? q.getValue().substring(0, SearchRequest.MAX_QUERY_CHARS)
              : q.getValue();
      long started = System.nanoTime();
      SearchResults results = search.search(SearchRequest.of(text, 100), mode, false);
      nanos[i++] = System.nanoTime() - started;
      List<String> ranked = results.hits().stream().map(SearchResults.Hit::id).toList();
      Map<String, Integer> relevant = beir.qrels().get(q.getKey());
      ndcg += Metrics.ndcg(ranked, relevant, 10);
      recall += Metrics.recall(ranked, relevant, 100);
      mrr += Metrics.mrr(ranked, relevant, 10);
    }
    int n = beir.queries().size();
    Arrays.sort(nanos);
    return new Row(
        mode,
        ndcg / n,
        recall / n,
        mrr / n,
        nanos[n / 2] / 1e6,
        nanos[Math.min(n - 1, (int) (n * 0.99))] / 1e6);
  }

  private static Paper asPaper(BeirCollection.Doc d) {
    return new Paper(
        d.id(),
        0,
        d.title(),
        d.text(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        Paper.Community.NONE,
        false);
  }

  public static String table(String model, List<Row> rows) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "model %s%n", model));
    s.append(
        String.format(
            Locale.ROOT,
            "%-9s %8s %11s %7s %9s %9s%n",
            "mode",
            "nDCG@10",
            "Recall@100",
            "MRR@10",
            "p50 ms",
            "p99 ms"));
    for (Row r : rows) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-9s %8.4f %11.4f %7.4f %9.2f %9.2f%n",
              r.mode().name().toLowerCase(Locale.ROOT),
              r.ndcg10(),
              r.recall100(),
              r.mrr10(),
              r.p50Millis(),
              r.p99Millis()));
    }
    return s.toString().stripTrailing();
  }
}
