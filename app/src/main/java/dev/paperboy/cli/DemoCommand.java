package dev.paperboy.cli;

import dev.paperboy.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Import the bundled demo papers into an empty database, then serve them.")
public final class DemoCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

  @Mixin ConfigOptions options;

  @Option(
      names = "--demo-dir",
      description = "Demo data to import (default: demo/ beside the launcher, or ./demo).")
  Path demoDir;

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    Path dir = demoDir != null ? demoDir : defaultDemoDir();
    if (!Files.isDirectory(dir)) {
      System.err.println("paperboy: demo data not found at " + dir + " (use --demo-dir)");
      return 2;
    }
    App app = Launch.open(options.toConfig());
    importIfEmpty(app, dir);
    ServeCommand.serveUntilStopped(app, started);
    return 0;
  }

  /** Imports the demo papers in {@code dir} when the database holds none yet. */
  static void importIfEmpty(App app, Path dir) {
    int stored = app.papers().countAll();
    if (stored == 0) {
      log.info("First run: importing the demo papers from {}", dir);
      ImportCommand.run(app, List.of(dir));
    } else {
      log.info("{} papers already stored; skipping the demo import", stored);
    }
  }

  static Path defaultDemoDir() {
    String home = System.getenv("PAPERBOY_HOME");
    return home != null ? Path.of(home, "demo") : Path.of("demo");
  }
}
