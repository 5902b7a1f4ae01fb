package dev.paperboy.backup;

import dev.paperboy.lucene.IndexSnapshot;
import dev.paperboy.storage.DatabaseBackup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Takes a consistent copy of a data directory while its server runs: the search index's latest
 * commit first, then the database, then the secret key, then a manifest. The index is copied first
 * so that it is never ahead of the database it came with: a restored server indexes whatever the
 * database changed after the index's commit, and nothing is missing.
 */
public final class Backup {

  /** The tables a manifest counts, so a restore can say what it brought back. */
  static final List<String> TABLES = List.of("papers", "users", "votes");

  /** What a backup or restore holds. */
  public record Summary(
      Path folder,
      Instant createdAt,
      int schemaVersion,
      Map<String, Long> rows,
      int indexDocuments,
      long bytes,
      Duration took) {

    /** {@code 1,234 papers, 5 users, 17 votes}. */
    public String rowsText() {
      return Backup.rows(rows);
    }
  }

  private Backup() {}

  /**
   * Backs up {@code from} into {@code folder}, which must be new or empty. Progress goes to {@code
   * progress}. On failure nothing is left in the folder.
   */
  public static Summary run(Layout from, Path folder, Clock clock, PrintStream progress) {
    if (!Files.isRegularFile(from.database())) {
      throw new BackupException("there is no database at " + from.database() + " to back up");
    }
    prepare(folder);
    long started = System.nanoTime();
    Instant createdAt = clock.instant();
    try {
      Path staging = from.dataDir().resolve(".backup-staging-" + ProcessHandle.current().pid());
      progress.println("index: linking the latest commit of " + from.index());
      IndexSnapshot.Copied index =
          IndexSnapshot.copy(from.index(), folder.resolve(Layout.INDEX), staging, progress);
      progress.printf(
          Locale.ROOT,
          "index: %,d documents, %d files, %s%s%n",
          index.documents(),
          index.files().size(),
          megabytes(index.bytes()),
          index.indexId().isEmpty() ? "" : ", index " + index.indexId());
      progress.println("database: copying " + from.database() + " (the server keeps writing)");
      DatabaseBackup.Summary db =
          DatabaseBackup.copy(from.database(), folder.resolve(Layout.DATABASE), TABLES);
      progress.printf(
          Locale.ROOT,
          "database: %s, schema V%d, %s%n",
          megabytes(db.bytes()),
          db.schemaVersion(),
          rows(db.rows()));
      if (Files.isRegularFile(from.secret())) {
        Files.copy(from.secret(), folder.resolve(Layout.SECRET));
        progress.println("secret key: copied (keep this backup private: the key signs links)");
      }
      Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
      long bytes = 0;
      for (Path f : list(folder)) {
        Manifest.FileEntry entry = Manifest.entry(f);
        files.put(folder.relativize(f).toString().replace('\\', '/'), entry);
        bytes += entry.size();
      }
      new Manifest(
              createdAt, db.schemaVersion(), db.rows(), index.documents(), index.indexId(), files)
          .write(folder);
      return new Summary(
          folder,
          createdAt,
          db.schemaVersion(),
          db.rows(),
          index.documents(),
          bytes,
          Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      clear(folder);
      throw new UncheckedIOException("the backup failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      clear(folder);
      throw e;
    }
  }

  private static void prepare(Path folder) {
    try {
      if (Files.exists(folder) && !list(folder).isEmpty()) {
        throw new BackupException(folder + " is not empty; back up into a new folder");
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
  }

  /** Every file below the folder, sorted. */
  static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void clear(Path folder) {
    try {
      deleteTree(folder);
    } catch (IOException e) {
      // the failure being reported matters more; the folder has no manifest either way
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
  }

  static String rows(Map<String, Long> rows) {
    StringBuilder s = new StringBuilder();
    rows.forEach(
        (table, n) ->
            s.append(s.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d %s", n, table)));
    return s.toString();
  }
}
