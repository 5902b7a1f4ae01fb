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
    return open(
        beirDir,
        beir,
        model,
        workDir,
        engine,
        progress,
        search -> scoreModes(search, beir, q -> true));
  }

  /** One query set's scores in one part (dev or held-out), every mode side by side. */
  public record SetRow(
      String set, String part, String metric, int queries, Map<SearchMode, Double> scores) {}

  /** A query set of a collection and the metric it is judged by. */
  record QuerySet(String collection, String split, String label, String metric) {}

  static final List<QuerySet> SUITE =
      List.of(
          new QuerySet(DevSets.ML, "keyphrase", "keyphrase (known item)", "MRR@10"),
          new QuerySet(DevSets.ML, "topics", "topics (short)", "nDCG@10"),
          new QuerySet(DevSets.ML, "authors", "author names", "nDCG@10"),
          new QuerySet(DevSets.CS, "titles", "CS titles (topical)", "nDCG@10"),
          new QuerySet("scifact", "train", "SciFact claims", "nDCG@10"));

  /**
   * Every query set: the dev collections under {@code devSets} (see {@link DevSets}) and SciFact's
   * train split, each in its dev and held-out part, each collection in {@code workDir/<name>}.
   */
  public static List<SetRow> suite(
      Path devSets,
      Path scifact,
      String model,
      Path workDir,
      SearchSettings engine,
      PrintStream progress)
      throws IOException {
    List<SetRow> rows = new ArrayList<>();
    // each collection is loaded (and its model opened) once, for all of its query sets
    for (String collection : SUITE.stream().map(QuerySet::collection).distinct().toList()) {
      Path dir = collection.equals("scifact") ? scifact : devSets.resolve(collection);
      Map<QuerySet, BeirCollection> sets = new java.util.LinkedHashMap<>();
      for (QuerySet set : SUITE) {
        if (set.collection().equals(collection)) {
          sets.put(set, BeirCollection.read(dir, set.split()));
        }
      }
      BeirCollection first = sets.values().iterator().next();
      rows.addAll(
          open(
              dir,
              first,
              model,
              workDir.resolve(collection),
              engine,
              progress,
              search -> {
                List<SetRow> out = new ArrayList<>();
                sets.forEach((set, beir) -> out.addAll(parts(search, set, beir)));
                if (collection.equals(DevSets.ML)) {
                  out.add(nonsense(search, progress));
                }
                return out;
              }));
    }
    return rows;
  }

  /** A query set's dev and held-out parts, every mode. */
  private static List<SetRow> parts(Search search, QuerySet set, BeirCollection beir) {
    List<SetRow> out = new ArrayList<>();
    for (boolean heldOut : new boolean[] {false, true}) {
      Map<SearchMode, Double> scores = new java.util.EnumMap<>(SearchMode.class);
      for (Row r : scoreModes(search, beir, q -> DevSets.heldOut(q) == heldOut)) {
        scores.put(r.mode(), set.metric().startsWith("MRR") ? r.mrr10() : r.ndcg10());
      }
      long n = beir.queries().keySet().stream().filter(q -> DevSets.heldOut(q) == heldOut).count();
      out.add(new SetRow(set.label(), heldOut ? "held-out" : "dev", set.metric(), (int) n, scores));
    }
    return out;
  }

  /** The strings that are no query ({@code eval/nonsense.txt}), one per line. */
  public static List<String> nonsense() {
    try (var in = Evaluation.class.getResourceAsStream("/eval/nonsense.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The share of nonsense queries that find nothing, per mode (1 is right), and, for the similarity
   * floor, how close their nearest neighbours come.
   */
  private static SetRow nonsense(Search search, PrintStream progress) {
    List<String> strings = nonsense();
    Map<SearchMode, Double> scores = new java.util.EnumMap<>(SearchMode.class);
    List<Float> nearest = new ArrayList<>();
    for (SearchMode mode : SearchMode.values()) {
      if (mode != SearchMode.KEYWORD && !search.model().configured()) {
        continue;
      }
      int empty = 0;
      for (String q : strings) {
        SearchResults r = search.service().search(SearchRequest.of(q, 10), mode, false);
        if (r.hits().isEmpty()) {
          empty++;
        } else if (mode == SearchMode.SEMANTIC) {
          nearest.add(r.hits().get(0).score());
        }
      }
      scores.put(mode, (double) empty / strings.size());
    }
    nearest.sort(null);
    if (!nearest.isEmpty()) {
      progress.printf(
          Locale.ROOT,
          "eval: nonsense queries' nearest neighbour: cosine median %.3f, max %.3f%n",
          nearest.get(nearest.size() / 2),
          nearest.get(nearest.size() - 1));
    }
    return new SetRow("nonsense strings", "all", "empty", strings.size(), scores);
  }

  /** The suite as one table: a row per set and part, a column per mode. */
  public static String suiteTable(String model, List<SetRow> rows) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "model %s%n", model));
    s.append(
        String.format(
            Locale.ROOT,
            "%-24s %-8s %-8s %7s %8s %8s %8s%n",
            "query set",
            "part",
            "metric",
            "queries",
            "keyword",
            "semantic",
            "hybrid"));
    for (SetRow r : rows) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-24s %-8s %-8s %7d %8s %8s %8s%n",
              r.set(),
              r.part(),
              r.metric(),
              r.queries(),
              cell(r.scores().get(SearchMode.KEYWORD)),
              cell(r.scores().get(SearchMode.SEMANTIC)),
              cell(r.scores().get(SearchMode.HYBRID))));
    }
    return s.toString().stripTrailing();
  }

  private static String cell(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  interface Scoring<T> {
    T score(Search search);
  }

  /**
   * Loads the collection into the work directory's database and index (once: vectors are embedded
   * once and kept), then scores it.
   */
  static <T> T open(
      Path beirDir,
      BeirCollection beir,
      String model,
      Path workDir,
      SearchSettings engine,
      PrintStream progress,
      Scoring<T> scoring)
      throws IOException {
    progress.printf(
        Locale.ROOT,
        "eval: %s: %,d documents, %,d queries with judgements%n",
        beirDir.getFileName(),
        beir.corpus().size(),
        beir.queries().size());
    java.nio.file.Files.createDirectories(workDir);
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
      return scoring.score(search);
    }
  }

  static List<Row> scoreModes(
      Search search, BeirCollection beir, java.util.function.Predicate<String> queries) {
    List<Row> rows = new ArrayList<>();
    for (SearchMode mode : SearchMode.values()) {
      if (mode == SearchMode.KEYWORD || search.model().configured()) {
        rows.add(score(search.service(), beir, mode, queries));
      }
    }
    return rows;
  }

  private static Row score(
      SearchService search,
      BeirCollection beir,
      SearchMode mode,
      java.util.function.Predicate<String> queries) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    List<Map.Entry<String, String>> chosen =
        beir.queries().entrySet().stream().filter(q -> queries.test(q.getKey())).toList();
    long[] nanos = new long[chosen.size()];
    int i = 0;
    for (Map.Entry<String, String> q : chosen) {
      String text = clip(q.getValue());
      long started = System.nanoTime();
      SearchResults results = search.search(SearchRequest.of(text, 100), mode, false);
      nanos[i++] = System.nanoTime() - started;
      List<String> ranked = results.hits().stream().map(SearchResults.Hit::id).toList();
      Map<String, Integer> relevant = beir.qrels().get(q.getKey());
      ndcg += Metrics.ndcg(ranked, relevant, 10);
      recall += Metrics.recall(ranked, relevant, 100);
      mrr += Metrics.mrr(ranked, relevant, 10);
    }
    int n = Math.max(1, chosen.size());
    Arrays.sort(nanos);
    return new Row(
        mode,
        ndcg / n,
        recall / n,
        mrr / n,
        nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1e6,
        nanos.length == 0
            ? 0
            : nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6);
  }

  /** A query as long as a search may be. */
  static String clip(String query) {
    return query.length() > SearchRequest.MAX_QUERY_CHARS
        ? query.substring(0, SearchRequest.MAX_QUERY_CHARS)
        : query;
  }

  static Paper asPaper(BeirCollection.Doc d) {
    return new Paper(
        d.id(),
        0,
        d.title(),
        d.text(),
        d.authors(),
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
