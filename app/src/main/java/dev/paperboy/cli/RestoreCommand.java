package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.backup.Backup;
import dev.paperboy.backup.BackupException;
import dev.paperboy.backup.Restore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Bring a backup made by 'paperboy backup' back into the data directory (stop its server).",
      "Every file is checked against the backup's manifest before anything is replaced.",
      "Exit code 2 when the data directory already holds a database and --force is not given."
    })
public final class RestoreCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "DIR", description = "The backup folder.")
  Path folder;

  @Option(names = "--force", description = "Replace the database the data directory holds.")
  boolean force;

  @Override
  public Integer call() {
    Config config = options.toConfig();
    try {
      Backup.Summary s = Restore.run(folder, BackupCommand.layout(config), force, System.err);
      System.out.printf(
          Locale.ROOT,
          "Restored the backup of %s into %s: %s, %,d index documents, schema V%d%n",
          s.createdAt(),
          config.dataDir(),
          s.rowsText(),
          s.indexDocuments(),
          s.schemaVersion());
      return 0;
    } catch (BackupException | Restore.TargetInUse e) {
      System.err.println("paperboy: " + e.getMessage());
      return 2;
    }
  }
}
