package dev.paperboy.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did: files read, skipped and rejected (with reasons), records read, created,
 * updated, unchanged, repeated (the same id again within one file, merged into the first) and
 * rejected (grouped by reason, with example locations). Every record read is in exactly one of the
 * last five. Apart from those, {@code valuesCorrected} counts the implausible dates dropped and
 * counts clamped in records that were kept (see {@link PaperValidator}).
 */
public record ImportReport(
    int filesRead,
    List<String> filesSkipped,
    Map<String, String> filesRejected,
    long recordsRead,
    int created,
    int updated,
    int unchanged,
    int repeated,
    Map<String, Rejections> recordsRejected,
    Map<String, Rejections> valuesCorrected,
    Duration elapsed) {

  /** How many records were rejected (or values corrected) for one reason, and where. */
  public record Rejections(long count, List<String> examples) {}

  public ImportReport {
    filesSkipped = List.copyOf(filesSkipped);
    filesRejected = Map.copyOf(filesRejected);
    recordsRejected = Map.copyOf(recordsRejected);
    valuesCorrected = Map.copyOf(valuesCorrected);
  }

  public long rejectedRecords() {
    return recordsRejected.values().stream().mapToLong(Rejections::count).sum();
  }

  public long correctedValues() {
    return valuesCorrected.values().stream().mapToLong(Rejections::count).sum();
  }

  /** True when a file or record was refused; corrected values alone do not count. */
  public boolean hasRejections() {
    return !filesRejected.isEmpty() || rejectedRecords() > 0;
  }

  public double recordsPerSecond() {
    return recordsRead / Math.max(1e-3, elapsed.toNanos() / 1e9);
  }

  /** The summary table printed at the end of an import. */
  public String table() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Import finished in %.1f s (%,.0f records/s)%n",
            elapsed.toMillis() / 1000.0,
            recordsPerSecond()));
    row(s, "files read", filesRead, "");
    row(
        s,
        "files skipped",
        filesSkipped.size(),
        filesSkipped.isEmpty() ? "" : "not data: " + abbreviate(filesSkipped));
    row(s, "files rejected", filesRejected.size(), "");
    row(s, "records read", recordsRead, "");
    row(s, "new", created, "");
    row(s, "updated", updated, "");
    row(s, "unchanged", unchanged, "");
    row(s, "repeated", repeated, repeated == 0 ? "" : "same id again in this file, merged");
    row(s, "rejected", rejectedRecords(), "");
    row(
        s,
        "corrected",
        correctedValues(),
        valuesCorrected.isEmpty() ? "" : "values dropped or clamped in records kept");
    if (!filesRejected.isEmpty()) {
      s.append("Rejected files:\n");
      filesRejected.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  s.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    }
    byReason(s, "Rejected records by reason:", recordsRejected);
    byReason(s, "Corrected values by reason (the records were kept):", valuesCorrected);
    return s.toString().stripTrailing();
  }

  private static void byReason(StringBuilder s, String heading, Map<String, Rejections> reasons) {
    if (reasons.isEmpty()) {
      return;
    }
    s.append(heading).append('\n');
    reasons.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  %-48s %,9d   e.g. %s%n",
                        e.getKey(),
                        e.getValue().count(),
                        String.join(", ", e.getValue().examples()))));
  }

  private static void row(StringBuilder s, String label, long n, String note) {
    s.append(String.format(Locale.ROOT, "  %-16s %,10d   %s", label, n, note).stripTrailing())
        .append('\n');
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 4
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
  }
}
