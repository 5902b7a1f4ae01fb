package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the Kaggle arXiv snapshot: {@code id, authors, authors_parsed, title, comments,
 * journal-ref, doi, categories, abstract, versions[{version, created}]}. Its day is the v1 date.
 */
final class KaggleSnapshotRecords {

  private KaggleSnapshotRecords() {}

  static boolean recognises(JsonNode line) {
    return line.has("id") && (line.has("versions") || line.has("authors_parsed"));
  }

  static Paper toPaper(JsonNode r) throws BadRecord {
    ArxivId id = Records.id(Text.text(r, "id"));
    JsonNode versions = r.path("versions");
    Instant first = versions.isEmpty() ? null : created(versions.get(0));
    Instant last = versions.isEmpty() ? null : created(versions.get(versions.size() - 1));
    int version =
        versions.isEmpty() ? id.version() : versionNumber(versions.get(versions.size() - 1));
    String categories = Text.text(r, "categories");
    return Paper.fromArxiv(
        id.id(),
        version,
        Records.title(Text.text(r, "title")),
        Text.text(r, "abstract"),
        authors(r),
        categories == null ? List.of() : Arrays.asList(categories.split(" ")),
        first,
        last,
        first == null ? null : first.atZone(ZoneOffset.UTC).toLocalDate(),
        Text.text(r, "comments"),
        Text.text(r, "journal-ref"),
        Text.text(r, "doi"),
        Source.KAGGLE_SNAPSHOT,
        Records.withdrawn(Text.text(r, "comments")));
  }

  private static List<String> authors(JsonNode r) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : r.path("authors_parsed")) {
      // [last, first, suffix]
      StringBuilder name = new StringBuilder();
      for (int i : new int[] {1, 0, 2}) {
        String part = a.size() > i ? Text.clean(a.get(i).asText()) : null;
        if (part != null) {
          name.append(name.isEmpty() ? "" : " ").append(part);
        }
      }
      if (!name.isEmpty()) {
        out.add(name.toString());
      }
    }
    if (out.isEmpty()) {
      String raw = Text.text(r, "authors");
      if (raw != null) {
        for (String s : raw.split(",| and ")) {
          String n = Text.clean(s);
          if (n != null) {
            out.add(n);
          }
        }
      }
    }
    return out;
  }

  private static int versionNumber(JsonNode v) throws BadRecord {
    String s = Text.text(v, "version");
    try {
      return s == null ? 0 : Integer.parseInt(s.replace("v", ""));
    } catch (NumberFormatException e) {
      throw new BadRecord("invalid version '" + s + "'");
    }
  }

  private static Instant created(JsonNode v) throws BadRecord {
    String s = Text.text(v, "created");
    if (s == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid version date '" + s + "'");
    }
  }
}
