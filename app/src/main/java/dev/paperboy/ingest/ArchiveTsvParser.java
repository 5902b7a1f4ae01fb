package dev.paperboy.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the arXiv archive TSV row by row; a bad or oversized row is one rejected record. */
final class ArchiveTsvParser {

  private ArchiveTsvParser() {}

  /**
   * @throws BadRecord when the header is not the archive's
   */
  static void parse(QuotedTsvReader tsv, String name, String tooLong, RecordSink sink)
      throws IOException, BadRecord {
    List<String> header = tsv.next();
    if (header == null || tsv.tooLong() || !ArxivArchiveRecords.recognises(header)) {
      throw new BadRecord(
          "unrecognised format: tab-separated columns without arxiv_id, title and abstract");
    }
    List<String> row;
    while ((row = tsv.next()) != null) {
      String location = name + ":" + tsv.rowLine();
      if (tsv.tooLong()) {
        sink.reject(tooLong, location);
        continue;
      }
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != header.size()) {
        sink.reject("wrong number of columns", location);
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        fields.put(header.get(i), row.get(i));
      }
      try {
        sink.accept(ArxivArchiveRecords.toPaper(fields), location);
      } catch (BadRecord e) {
        sink.reject(e.getMessage(), location + " (" + fields.get("arxiv_id") + ")");
      }
    }
  }
}
