package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.DatabaseSettings;
import dev.paperboy.SearchSettings;
import dev.paperboy.bench.Backfill;
import dev.paperboy.bench.Benchmark;
import dev.paperboy.eval.Evaluation;
import dev.paperboy.storage.DatabaseCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Build the search index over real data and print what it costs: import and indexing time,",
      "embedding throughput, p50/p99 query latency per mode (query embedding included), index",
      "size on disk and heap. Vectors are kept in the data directory, so only the first run",
      "embeds; --embed-limit spreads that first run over several.",
      "Example: ./paperboy bench ../shared/data/arxiv-new-listings"
          + " ../shared/data/arxiv-archive-1993-2019"
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--data-dir",
      defaultValue = "data/bench",
      description = "The benchmark's own data directory (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--embed-limit",
      defaultValue = "" + Long.MAX_VALUE,
      description = "Embed at most this many papers in this run (default: all that lack one).")
  long embedLimit;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Passes over the query set per mode (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "Results per query (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--database",
      paramLabel = "JDBC_URL",
      description =
          "Also run on this database (user and password from PAPERBOY_DATABASE_USER and"
              + " _PASSWORD) and print both runs side by side, e.g."
              + " jdbc:postgresql://localhost:5432/bench. Its index goes to DATA_DIR-db; the"
              + " embedded run's vectors are copied there, not embedded again.")
  String database;

  @Option(
      names = "--backfill",
      defaultValue = "0",
      description =
          "With --database: drop this many vectors twice over and time embedding them with one"
              + " node, then with two nodes sharing the backlog (default: skip).")
  int backfill;

  @Option(
      names = "--cluster",
      description =
          "Also run on cluster mode started here for the purpose (PostgreSQL and a SolrCloud of"
              + " two Solr nodes, a 2-shard collection; see dev-cluster) and print both runs side"
              + " by side. Its data goes to DATA_DIR-cluster, fresh each run; the embedded run's"
              + " vectors are copied there, not embedded again.")
  boolean cluster;

  @Option(
      names = "--scifact",
      paramLabel = "BEIR_DIR",
      description =
          "With --cluster: also measure quality (nDCG@10 per mode, train split) on this BEIR"
              + " collection on both engines, e.g. ../shared/bench/scifact.")
  Path scifact;

  @Option(
      names = "--eval-dir",
      defaultValue = "data/eval/scifact-bge-small-en-v1.5-q",
      description =
          "The evaluation's work directory, with its vectors (default ${DEFAULT-VALUE}; the eval"
              + " command fills it).")
  Path evalDir;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or directories to import first (skip to reuse the data directory).")
  List<Path> paths = List.of();

  @Override
  public Integer call() throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        System.err.println("paperboy: no such file or directory: " + p);
        return 2;
      }
    }
    if (rounds < 1 || limit < 1 || embedLimit < 0) {
      System.err.println("paperboy: --rounds and --limit must be >= 1, --embed-limit >= 0");
      return 2;
    }
    Config config = Config.resolve(null, 0, dataDir, System.getenv());
    if (cluster) {
      return clusterRun(config);
    }
    if (database == null) {
      try (App app = Launch.open(config)) {
        new Benchmark(app, System.out, System.err)
            .run(new Benchmark.Settings(paths, embedLimit, rounds, limit));
        return 0;
      }
    }
    Config other =
        Config.resolve(null, 0, Path.of(dataDir + "-db"), System.getenv())
            .withDatabase(
                new DatabaseSettings(
                    database, config.database().user(), config.database().password()));
    try (App embedded = Launch.open(config.withDatabase(DatabaseSettings.EMBEDDED));
        App server = Launch.open(other)) {
      Benchmark.Result first =
          new Benchmark(embedded, System.out, System.err)
              .run(new Benchmark.Settings(paths, embedLimit, rounds, limit));
      Benchmark.Result second =
          new Benchmark(server, System.out, System.err)
              .run(
                  new Benchmark.Settings(
                      paths, 0, rounds, limit, () -> copyVectors(embedded, server)));
      if (backfill > 0) {
        Map<String, Double> numbers = new LinkedHashMap<>(second.numbers());
        numbers.putAll(Backfill.run(server, backfill, System.out));
        second = new Benchmark.Result(numbers);
      }
      System.out.println();
      Benchmark.sideBySide(
          System.out,
          List.of("embedded", server.database().describe().replaceAll("^jdbc:([a-z]+):.*", "$1")),
          List.of(first, second));
      return 0;
    }
  }

  /** The embedded run beside PostgreSQL + SolrCloud started on this machine, side by side. */
  private int clusterRun(Config config) throws IOException {
    Path home = Path.of(dataDir + "-cluster");
    Path servers = home.resolve("servers");
    deleteTree(servers); // a fresh cluster: the run imports and indexes from nothing
    try (LocalCluster local = LocalCluster.start(servers, 2, true, System.err)) {
      LocalCluster.Addresses at = local.addresses();
      SearchSettings solr =
          SearchSettings.solr(at.zookeeper()).withCollection("paperboy-bench").withLayout(2, 1);
      Config other =
          Config.resolve(null, 0, home, System.getenv())
              .withDatabase(new DatabaseSettings(at.postgresUrl(), null, null))
              .withSearch(solr);
      Map<String, Double> first;
      Map<String, Double> second;
      try (App embedded = Launch.open(config.withDatabase(DatabaseSettings.EMBEDDED));
          App server = Launch.open(other)) {
        first =
            new LinkedHashMap<>(
                new Benchmark(embedded, System.out, System.err)
                    .run(new Benchmark.Settings(paths, embedLimit, rounds, limit))
                    .numbers());
        second =
            new LinkedHashMap<>(
                new Benchmark(server, System.out, System.err)
                    .run(
                        new Benchmark.Settings(
                            paths, 0, rounds, limit, () -> copyVectors(embedded, server)))
                    .numbers());
      }
      if (scifact != null) {
        first.putAll(quality(SearchSettings.EMBEDDED, config.embeddingModel()));
        second.putAll(quality(solr, config.embeddingModel()));
      }
      System.out.println();
      Benchmark.sideBySide(
          System.out,
          List.of("embedded", "postgres+solr"),
          List.of(new Benchmark.Result(first), new Benchmark.Result(second)));
      return 0;
    }
  }

  /** nDCG@10 per mode on the SciFact train split, on the given engine. */
  private Map<String, Double> quality(SearchSettings engine, String model) throws IOException {
    Map<String, Double> out = new LinkedHashMap<>();
    List<Evaluation.Row> rows =
        Evaluation.run(scifact, "train", model, evalDir, engine, System.err);
    System.out.println("quality on " + engine + ":");
    System.out.println(Evaluation.table(model, rows));
    for (Evaluation.Row row : rows) {
      out.put("scifact " + row.mode().name().toLowerCase(Locale.ROOT) + " nDCG@10", row.ndcg10());
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The embedded run's vectors into the other database, so it embeds nothing again. */
  private static void copyVectors(App from, App to) {
    DatabaseCopy copy = new DatabaseCopy(from.database(), to.database(), System.err);
    copy.copy(List.of(new DatabaseCopy.Table("paper_vectors", List.of("id", "model"))));
  }
}
