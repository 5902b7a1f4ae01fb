package dev.paperboy.backup;

import dev.paperboy.lucene.IndexSnapshot;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.DatabaseBackup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Brings a backup back into a data directory: checks the manifest and every file's checksum first,
 * copies the files beside their places, and only then swaps them in, so a failed restore leaves the
 * directory as it was.
 */
public final class Restore {

  /** The target already holds a database and {@code --force} was not given. */
  public static final class TargetInUse extends RuntimeException {
    TargetInUse(String message) {
      super(message);
    }
  }

  private Restore() {}

  /**
   * Restores the backup in {@code folder} into {@code to}.
   *
   * @param force replace a database already there (never one a running server holds)
   * @throws TargetInUse when the target holds a database and {@code force} is false
   * @throws BackupException when the backup is incomplete, damaged or too new
   */
  public static Backup.Summary run(Path folder, Layout to, boolean force, PrintStream progress) {
    long started = System.nanoTime();
    Manifest manifest = Manifest.read(folder);
    if (!manifest.files().containsKey(Layout.DATABASE)) {
      throw new BackupException("the backup in " + folder + " holds no database");
    }
    int latest = DatabaseBackup.latestSchemaVersion();
    if (manifest.schemaVersion() > latest) {
      throw new BackupException(
          "the backup's schema is V"
              + manifest.schemaVersion()
              + ", newer than this Paperboy's V"
              + latest
              + ": restore it with the Paperboy that made it");
    }
    if (IndexSnapshot.inUse(to.index())) {
      throw new TargetInUse(
          "a Paperboy server is using " + to.dataDir() + "; stop it before restoring into it");
    }
    if (Files.exists(to.database()) && !force) {
      throw new TargetInUse(
          to.dataDir()
              + " already holds a database ("
              + to.database().getFileName()
              + "); restore into an empty data directory, or pass --force to replace it");
    }
    progress.printf(
        Locale.ROOT,
        "verifying %d files of the backup taken %s...%n",
        manifest.files().size(),
        manifest.createdAt());
    manifest.verify(folder);
    Path staging = to.dataDir().resolve(".restore-staging-" + ProcessHandle.current().pid());
    long bytes = 0;
    try {
      Backup.deleteTree(staging);
      for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
        Path target = staging.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.copy(folder.resolve(e.getKey()), target);
        bytes += e.getValue().size();
      }
      swapIn(staging, to);
      forgetIndexPositions(to);
    } catch (IOException e) {
      throw new UncheckedIOException("the restore failed: " + e.getMessage(), e);
    } finally {
      try {
        Backup.deleteTree(staging);
      } catch (IOException e) {
        progress.println("could not remove " + staging + ": " + e.getMessage());
      }
    }
    progress.printf(
        Locale.ROOT,
        "restored into %s: %s, schema V%d, %,d index documents; the server reads the change log"
            + " into the index again when it starts%n",
        to.dataDir(),
        Backup.rows(manifest.rows()),
        manifest.schemaVersion(),
        manifest.indexDocuments());
    return new Backup.Summary(
        to.dataDir(),
        manifest.createdAt(),
        manifest.schemaVersion(),
        manifest.rows(),
        manifest.indexDocuments(),
        bytes,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The restored database was copied after the index, so where it says the index had read the
   * change log may be past the index's commit: forgotten, the index reads the log from the start
   * (reindexing what it holds already is harmless).
   */
  private static void forgetIndexPositions(Layout to) {
    try (Database db = Database.open(to.database())) {
      db.transaction(
          c -> {
            PaperChanges.forgetWatermarks(c);
            return null;
          });
    }
  }

  /** Removes what the target held (a stale WAL must never meet the new file) and moves in. */
  private static void swapIn(Path staging, Layout to) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Files.deleteIfExists(to.database().resolveSibling(to.database().getFileName() + suffix));
    }
    Backup.deleteTree(to.index());
    Files.deleteIfExists(to.secret());
    move(staging.resolve(Layout.DATABASE), to.database());
    if (Files.isDirectory(staging.resolve(Layout.INDEX))) {
      move(staging.resolve(Layout.INDEX), to.index());
    }
    if (Files.isRegularFile(staging.resolve(Layout.SECRET))) {
      move(staging.resolve(Layout.SECRET), to.secret());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    Files.createDirectories(to.toAbsolutePath().getParent());
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }
}
