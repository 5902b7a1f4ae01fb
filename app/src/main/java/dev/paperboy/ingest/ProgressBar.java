package dev.paperboy.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Import progress as plain lines (readable in a terminal and in a log file alike): one every tenth
 * of the input or every few seconds, whichever comes first.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long EVERY_NANOS = 3_000_000_000L;

  private final PrintStream out;
  private final long totalBytes;
  private final int totalFiles;
  private final long started = System.nanoTime();
  private long lastPrinted = started;
  private int lastDecile = 0;

  ProgressBar(PrintStream out, long totalBytes, int totalFiles) {
    this.out = out;
    this.totalBytes = Math.max(1, totalBytes);
    this.totalFiles = totalFiles;
  }

  void update(long bytes, int files, long records) {
    long now = System.nanoTime();
    int decile = (int) (bytes * 10 / totalBytes);
    if (decile > lastDecile || now - lastPrinted > EVERY_NANOS) {
      lastDecile = Math.max(decile, lastDecile);
      lastPrinted = now;
      print(bytes, files, records, now);
    }
  }

  void finish(long records) {
    print(totalBytes, totalFiles, records, System.nanoTime());
  }

  private void print(long bytes, int files, long records, long now) {
    double fraction = Math.min(1.0, (double) bytes / totalBytes);
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    out.printf(
        Locale.ROOT,
        "import [%s%s] %3.0f%%  %,d/%,d files  %,d records  %,.0f records/s%n",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        fraction * 100,
        files,
        totalFiles,
        records,
        records / seconds);
  }
}
