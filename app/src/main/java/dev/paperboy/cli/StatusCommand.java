package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Engines;
import dev.paperboy.paper.PaperVectors;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "How many papers are stored, indexed for keywords and embedded for meaning.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    try (App app = Launch.open(options.toConfig())) {
      int papers = app.papers().countAll();
      int indexed = Engines.indexedDocuments(app.config());
      String model = app.config().embeddingModel();
      int embedded = new PaperVectors(app.database()).count(model);
      System.out.printf(Locale.ROOT, "papers stored        %,10d%n", papers);
      System.out.printf(
          Locale.ROOT, "indexed (keywords)   %,10d   %s%n", indexed, percent(indexed, papers));
      System.out.printf(
          Locale.ROOT,
          "embedded (meaning)   %,10d   %s with %s%n",
          embedded,
          percent(embedded, papers),
          model);
      if (indexed < papers || embedded < papers) {
        System.out.println("A running server catches up by itself; see also ./paperboy reindex.");
      }
      return 0;
    }
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
