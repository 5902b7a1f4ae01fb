package dev.paperboy.ingest;

/**
 * How much an import reads before it refuses a record or a file. The defaults leave real sources
 * far inside them (a Hugging Face item is under 100 KB, arXiv caps abstracts at 1,920 characters,
 * the whole Kaggle snapshot is under 5 GB, real .gz and .xz files expand 3 to 10 times) while
 * keeping a hostile file from filling memory or the disk.
 *
 * @param maxRecordBytes a record (a JSON lines line, an array item, a TSV row) longer than this is
 *     rejected as a record and the file goes on; default 16 MiB
 * @param maxFileBytes a file that holds (or decompresses to) more than this is rejected from there
 *     on; default 16 GiB
 * @param bombFloorBytes how much a compressed file may always expand to, whatever its ratio;
 *     default 64 MiB
 * @param maxRatio past the floor, decompressed data may be at most this many times the compressed
 *     bytes read so far, or the file is refused as a decompression bomb; default 100
 */
public record ImportLimits(
    long maxRecordBytes, long maxFileBytes, long bombFloorBytes, int maxRatio) {

  public static final ImportLimits DEFAULTS =
      new ImportLimits(16L << 20, 16L << 30, 64L << 20, 100);

  public ImportLimits {
    if (maxRecordBytes < 1 || maxFileBytes < 1 || bombFloorBytes < 0 || maxRatio < 1) {
      throw new IllegalArgumentException("import limits must be positive: " + this);
    }
  }

  /** The reason a record over the limit is rejected with: "record over 16 MiB". */
  String recordTooLarge() {
    return "record over " + size(maxRecordBytes);
  }

  /** 16 MiB, 1.5 GiB, 900 bytes: how the limits read in messages. */
  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return trim(bytes / (double) (1L << 30)) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return trim(bytes / (double) (1L << 20)) + " MiB";
    }
    if (bytes >= 1L << 10) {
      return trim(bytes / (double) (1L << 10)) + " KiB";
    }
    return bytes + " bytes";
  }

  private static String trim(double n) {
    String s = String.format(java.util.Locale.ROOT, "%.1f", n);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
