package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the parsers share for untidy source text. */
final class Text {

  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  private Text() {}

  /** Collapses hard-wrapped lines and runs of spaces; null for blank input. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = WS.matcher(s).replaceAll(" ").strip();
    return t.isEmpty() ? null : t;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : clean(v.asText());
  }

  /** The non-blank strings of a JSON array, cleaned; empty for anything else. */
  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      String s = v.isValueNode() ? clean(v.asText()) : null;
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  static LocalDate dateInFileName(String fileName) {
    Matcher m = DATE_IN_NAME.matcher(fileName);
    while (m.find()) {
      try {
        return LocalDate.parse(m.group(1));
      } catch (java.time.DateTimeException e) {
        // not a real date (e.g. 2024-13-40): keep looking
      }
    }
    return null;
  }
}
