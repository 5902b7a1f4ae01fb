package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.backup.Backup;
import dev.paperboy.backup.BackupException;
import dev.paperboy.backup.Layout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the database, the search index and the secret key into a new folder, while the server"
          + " runs.",
      "The copy is consistent: the index's latest commit, then the database as of one moment.",
      "Bring it back with: paperboy restore DIR"
    })
public final class BackupCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "DIR", description = "A new or empty folder for the backup.")
  Path folder;

  @Override
  public Integer call() {
    Config config = options.toConfig();
    if (config.database().url() != null && config.database().url().startsWith("jdbc:postgresql:")) {
      System.err.println(
          "paperboy: the database is on PostgreSQL: back it up with pg_dump (or the server's own"
              + " backups); each node's search index is rebuilt from it when it starts empty");
      return 2;
    }
    try {
      Backup.Summary s = Backup.run(layout(config), folder, Clock.systemUTC(), System.err);
      System.out.printf(
          Locale.ROOT,
          "Backed up %s into %s in %.1f s: %s, %,d index documents, schema V%d, %,.1f MB%n",
          config.dataDir(),
          s.folder(),
          s.took().toMillis() / 1000.0,
          s.rowsText(),
          s.indexDocuments(),
          s.schemaVersion(),
          s.bytes() / 1e6);
      return 0;
    } catch (BackupException e) {
      System.err.println("paperboy: " + e.getMessage());
      return 2;
    }
  }

  static Layout layout(Config config) {
    return new Layout(
        config.dataDir(), config.databaseFile(), config.indexDir(), config.secretFile());
  }
}
