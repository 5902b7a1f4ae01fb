package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.ingest.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import papers from files or directories (.gz and .xz are read directly).",
      "Formats: Hugging Face daily-papers JSON, arXiv new-listings JSONL, Kaggle arXiv snapshot"
          + " JSONL.",
      "Records over 16 MiB, decompression bombs, invalid UTF-8 and days outside 1991..today+2"
          + " are rejected; implausible dates and counts are dropped or clamped (see README).",
      "Exit code 1 when some files or records were rejected (the summary says why)."
    })
public final class ImportCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
  List<Path> paths;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        System.err.println("paperboy: no such file or directory: " + p);
        return 2;
      }
    }
    try (App app = Launch.open(options.toConfig())) {
      return run(app, paths);
    }
  }

  /** Imports and prints the summary; 0 when everything was accepted, 1 when anything was not. */
  static int run(App app, List<Path> paths) {
    ImportReport report =
        new ImportJob(
                app.papers(), System.err, ImportLimits.DEFAULTS, app.clock(), app.importCounts())
            .run(paths);
    System.out.println(report.table());
    return report.hasRejections() ? 1 : 0;
  }
}
