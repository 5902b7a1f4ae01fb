package dev.paperboy.cli;

import dev.paperboy.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the search index from the database (stop the server first: it holds the index).",
      "Not needed after an import: the server indexes new and changed papers by itself."
    })
public final class ReindexCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    try (App app = Launch.open(options.toConfig())) {
      long started = System.nanoTime();
      long n = app.search().follower().rebuild(System.err);
      System.out.printf("Indexed %,d papers in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
