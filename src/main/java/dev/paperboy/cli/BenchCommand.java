package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.bench.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Files or directories to import first (skip to reuse the data directory).")
  List<Path> paths = List.of();

  @Override
  public Integer call() {
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
    try (App app = Launch.open(config)) {
      new Benchmark(app, System.out, System.err)
          .run(new Benchmark.Settings(paths, embedLimit, rounds, limit));
      return 0;
    }
  }
}
