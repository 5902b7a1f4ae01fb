package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON lines, one record each: arXiv new-listings or the Kaggle arXiv snapshot, told apart by
 * the first record's fields. A line that is not JSON, not UTF-8 or over the record limit is one
 * rejected record; the file goes on.
 */
final class JsonLinesParser {

  private enum Flavour {
    LISTING,
    KAGGLE;

    static Flavour of(JsonNode node) {
      if (KaggleSnapshotRecords.recognises(node)) {
        return KAGGLE;
      }
      return ArxivListingRecords.recognises(node) ? LISTING : null;
    }
  }

  private final ObjectMapper json;

  JsonLinesParser(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @throws BadRecord when the first record is neither format
   */
  void parse(Utf8Lines lines, String name, LocalDate fileDay, RecordSink sink)
      throws IOException, BadRecord {
    Flavour flavour = null;
    Utf8Lines.Line line;
    while ((line = lines.next()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String location = name + ":" + line.number();
      if (line.problem() != null) {
        sink.reject(line.problem(), location);
        continue;
      }
      JsonNode node;
      try {
        node = json.readTree(line.text());
      } catch (JsonProcessingException e) {
        sink.reject("invalid JSON line", location);
        continue;
      }
      if (flavour == null) {
        flavour = Flavour.of(node);
        if (flavour == null) {
          throw new BadRecord(
              "unrecognised format: JSON lines that are neither arXiv listings nor the Kaggle"
                  + " arXiv snapshot (first record's fields: "
                  + fieldNames(node)
                  + ")");
        }
      }
      try {
        sink.accept(
            flavour == Flavour.KAGGLE
                ? KaggleSnapshotRecords.toPaper(node)
                : ArxivListingRecords.toPaper(node, fileDay),
            location);
      } catch (BadRecord e) {
        String id = Text.text(node, "id");
        sink.reject(e.getMessage(), location + (id == null ? "" : " (" + id + ")"));
      }
    }
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names.subList(0, Math.min(8, names.size())));
  }
}
