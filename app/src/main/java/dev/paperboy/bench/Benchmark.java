package dev.paperboy.bench;

import dev.paperboy.App;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.ComputeFloor;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.EmbeddingBacklog;
import dev.paperboy.search.OnnxEmbedders;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the search side over real data and measures it: import, indexing, embedding throughput,
 * then query latency per mode (query embedding included), index size and heap. Vectors stay in the
 * data directory, so only the first run pays for embedding.
 */
public final class Benchmark {

  /**
   * What a run measures; {@code embedLimit} caps this run's embedding (the rest stays queued);
   * {@code beforeIndex} runs between the import and indexing (a second database copies the first's
   * vectors there, so it needs not embed them again).
   */
  public record Settings(
      List<Path> inputs, long embedLimit, int rounds, int limit, Runnable beforeIndex) {

    public Settings(List<Path> inputs, long embedLimit, int rounds, int limit) {
      this(inputs, embedLimit, rounds, limit, () -> {});
    }
  }

  /** A run's headline numbers by name, in the order measured, for a side-by-side table. */
  public record Result(Map<String, Double> numbers) {

    public Result {
      numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }
  }

  private final Map<String, Double> numbers = new LinkedHashMap<>();

  private final App app;
  private final PrintStream out;
  private final PrintStream progress;

  public Benchmark(App app, PrintStream out, PrintStream progress) {
    this.app = app;
    this.out = out;
    this.progress = progress;
  }

  public Result run(Settings settings) {
    out.printf(
        Locale.ROOT,
        "paperboy bench: %d cores, JDK %s, max heap %,d MB, data in %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        app.config().dataDir());
    if (!settings.inputs().isEmpty()) {
      long started = System.nanoTime();
      ImportReport report =
          new ImportJob(app.papers(), progress, ImportLimits.DEFAULTS, app.clock())
              .run(settings.inputs());
      out.println(report.table());
      double s = seconds(started);
      out.printf(Locale.ROOT, "import: %.1f s%n", s);
      numbers.put("import papers/s", (report.created() + report.updated()) / Math.max(s, 1e-9));
    }
    settings.beforeIndex().run();
    Search search = app.search();
    long started = System.nanoTime();
    long indexed = search.follower().catchUp(progress);
    out.printf(
        Locale.ROOT,
        "index: %,d papers (re)indexed in %.1f s, %,d documents in the index%n",
        indexed,
        seconds(started),
        search.indexedCount());
    if (indexed > 0) {
      numbers.put("index papers/s", indexed / Math.max(seconds(started), 1e-9));
    }

    Embedder embedder = search.model().load().orElse(null);
    if (embedder == null) {
      out.println("semantic: " + search.status().problem() + "; measuring keyword search only");
    } else {
      compareEmbedding(embedder);
      started = System.nanoTime();
      long embedded = search.backlog().embed(settings.embedLimit(), progress);
      double s = seconds(started);
      search.follower().catchUp(progress);
      Search.Status status = search.status();
      out.printf(
          Locale.ROOT,
          "embedding (%s): %,d papers embedded this run in %.1f s (%.1f papers/s); %,d of %,d"
              + " papers have vectors%n",
          embedder.model(),
          embedded,
          s,
          embedded / Math.max(s, 1e-9),
          status.embedded(),
          status.papers());
      if (embedded > 0) {
        numbers.put("embed papers/s", embedded / Math.max(s, 1e-9));
      }
    }

    List<String> queries = queries();
    out.printf(
        Locale.ROOT,
        "latency: %d queries x %d rounds, top %d, after one warm-up round%n",
        queries.size(),
        settings.rounds(),
        settings.limit());
    out.printf(Locale.ROOT, "%-22s %9s %9s %9s%n", "what", "p50 ms", "p99 ms", "max ms");
    if (embedder != null) {
      measure("query embedding", queries, settings.rounds(), q -> embedder.embedQuery(q));
    }
    for (SearchMode mode : SearchMode.values()) {
      if (mode != SearchMode.KEYWORD && embedder == null) {
        continue;
      }
      measure(
          mode.name().toLowerCase(Locale.ROOT),
          queries,
          settings.rounds(),
          q -> search.service().search(SearchRequest.of(q, settings.limit()), mode, false));
    }
    measure(
        "keyword + cards",
        queries,
        settings.rounds(),
        q ->
            app.papers()
                .findAll(
                    search
                        .service()
                        .search(SearchRequest.of(q, settings.limit()), SearchMode.KEYWORD, true)
                        .hits()
                        .stream()
                        .map(h -> h.id())
                        .toList()));
    if (embedder != null) {
      measure(
          "hybrid + highlights",
          queries,
          settings.rounds(),
          q ->
              search
                  .service()
                  .search(SearchRequest.of(q, settings.limit()), SearchMode.HYBRID, true));
    }

    out.printf(
        Locale.ROOT,
        "index on disk: %,.1f MB; database: %s%n",
        size(app.config().indexDir()) / 1e6,
        app.database().file() == null
            ? "on " + app.database().describe()
            : String.format(Locale.ROOT, "%,.1f MB", size(app.database().file()) / 1e6));
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    out.printf(
        Locale.ROOT,
        "heap used after GC: %,d MB (committed %,d MB, max %,d MB)%n",
        heap.getUsed() >> 20,
        heap.getCommitted() >> 20,
        heap.getMax() >> 20);
    return new Result(numbers);
  }

  /** Abstracts embedded each way when the two ways are compared. */
  private static final int COMPARED_ABSTRACTS = 192;

  /**
   * Embeds the same real abstracts one at a time (as before batching) and in length-sorted batches,
   * alternately twice, and prints both rates and how far the two ways' vectors differ.
   */
  private void compareEmbedding(Embedder embedder) {
    LocalDate last = app.papers().latestDay().orElse(null);
    if (last == null) {
      return;
    }
    List<String> texts =
        app
            .papers()
            .feed(last.minusDays(60), last, PaperStore.Order.UPVOTES, 0, COMPARED_ABSTRACTS)
            .stream()
            .map(EmbeddingBacklog::passage)
            .toList();
    if (texts.isEmpty()) {
      return;
    }
    embedder.embedPassages(texts.subList(0, Math.min(16, texts.size()))); // warm-up
    double single = 0;
    double batched = 0;
    List<float[]> one = List.of();
    List<float[]> many = List.of();
    for (int round = 0; round < 2; round++) {
      long started = System.nanoTime();
      one = texts.stream().map(embedder::embedPassage).toList();
      single += seconds(started);
      started = System.nanoTime();
      many = embedder.embedPassages(texts);
      batched += seconds(started);
    }
    double worst = 1;
    for (int i = 0; i < texts.size(); i++) {
      double dot = 0;
      for (int d = 0; d < one.get(i).length; d++) {
        dot += one.get(i)[d] * many.get(i)[d];
      }
      worst = Math.min(worst, dot);
    }
    double n = 2.0 * texts.size();
    out.printf(
        Locale.ROOT,
        "embedding %d abstracts x 2 (%s): one at a time on one thread %.1f/s, as the backlog runs"
            + " them (%s) %.1f/s (%.2fx); lowest cosine between the two ways' vectors %.6f%n",
        texts.size(),
        embedder.model(),
        n / single,
        OnnxEmbedders.howPassagesRun(),
        n / batched,
        single / batched,
        worst);
    numbers.put("embed one-at-a-time/s", n / single);
    numbers.put("embed batched/s", n / batched);
    ComputeFloor.Floor floor =
        ComputeFloor.of(embedder.model(), texts, OnnxEmbedders.threads(), FLOOR_SECONDS);
    out.printf(
        Locale.ROOT,
        "compute floor (%s, %d threads): int8 matrix multiply %.0f GOP/s, float %.0f GFLOP/s;"
            + " these abstracts average %.0f tokens, %.1f GOP each in matrix multiplies, so at"
            + " most %.1f/s; the backlog's way reaches %.0f%% of that%n",
        floor.model(),
        OnnxEmbedders.threads(),
        floor.int8OpsPerSecond() / 1e9,
        floor.floatOpsPerSecond() / 1e9,
        floor.meanTokens(),
        floor.opsPerText() / 1e9,
        floor.textsPerSecond(),
        100 * (n / batched) / floor.textsPerSecond());
    numbers.put("embed floor/s", floor.textsPerSecond());
  }

  /** Seconds each matrix-multiply rate of the compute floor is measured for. */
  private static final double FLOOR_SECONDS = 2;

  /** Prints runs beside each other, one column per run, one row per number any run has. */
  public static void sideBySide(PrintStream out, List<String> names, List<Result> results) {
    List<String> rows = new ArrayList<>();
    for (Result r : results) {
      r.numbers().keySet().stream().filter(k -> !rows.contains(k)).forEach(rows::add);
    }
    out.printf(Locale.ROOT, "%-24s", "");
    names.forEach(n -> out.printf(Locale.ROOT, " %16s", n));
    out.println();
    for (String row : rows) {
      out.printf(Locale.ROOT, "%-24s", row);
      for (Result r : results) {
        Double v = r.numbers().get(row);
        out.printf(Locale.ROOT, v == null ? " %16s" : " %,16.2f", v == null ? "-" : v);
      }
      out.println();
    }
  }

  private void measure(String what, List<String> queries, int rounds, Consumer<String> query) {
    queries.forEach(query);
    long[] nanos = new long[queries.size() * rounds];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (String q : queries) {
        long started = System.nanoTime();
        query.accept(q);
        nanos[i++] = System.nanoTime() - started;
      }
    }
    Arrays.sort(nanos);
    numbers.put(what + " p50 ms", nanos[nanos.length / 2] / 1e6);
    numbers.put(
        what + " p99 ms", nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6);
    out.printf(
        Locale.ROOT,
        "%-22s %9.2f %9.2f %9.2f%n",
        what,
        nanos[nanos.length / 2] / 1e6,
        nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6,
        nanos[nanos.length - 1] / 1e6);
  }

  /** The benchmark's queries, kept as data in {@code bench/queries.txt}. */
  static List<String> queries() {
    try (InputStream in = Benchmark.class.getResourceAsStream("/bench/queries.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> queries = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          queries.add(line.strip());
        }
      }
      return queries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the benchmark queries", e);
    }
  }

  private static long size(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // a segment merged away while we walked
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + path, e);
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
