package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts by reason, each with the locations of its first few occurrences. */
final class Tally {

  private static final int EXAMPLES = 3;

  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<String, List<String>> examples = new TreeMap<>();

  void add(String reason, String location) {
    counts.merge(reason, 1L, Long::sum);
    List<String> some = examples.computeIfAbsent(reason, r -> new ArrayList<>());
    if (some.size() < EXAMPLES) {
      some.add(location);
    }
  }

  Map<String, ImportReport.Rejections> byReason() {
    Map<String, ImportReport.Rejections> out = new TreeMap<>();
    counts.forEach(
        (reason, n) -> out.put(reason, new ImportReport.Rejections(n, examples.get(reason))));
    return out;
  }
}
