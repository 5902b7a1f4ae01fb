package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the parsers share for untidy source text. */
final class Text {

  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

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

  /**
   * A count as a JSON source wrote it, as a 64-bit integer that saturates instead of wrapping
   * ({@code 1e30} is {@link Long#MAX_VALUE}); 0 when absent or not a number. The validator clamps
   * it to a sane range.
   */
  static long count(JsonNode v) {
    BigDecimal n = number(v);
    return n == null ? 0 : saturated(n);
  }

  /** Like {@link #count}, but null when the field is absent or not a number. */
  static Long optionalCount(JsonNode v) {
    BigDecimal n = number(v);
    return n == null ? null : saturated(n);
  }

  private static BigDecimal number(JsonNode v) {
    if (v == null || !(v.isNumber() || v.isTextual())) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return BigDecimal.valueOf(v.longValue());
    }
    try {
      return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
    } catch (NumberFormatException e) {
      return null; // "12 upvotes" or "": no count, as when the field is missing
    }
  }

  private static long saturated(BigDecimal n) {
    if (n.compareTo(LONG_MAX) >= 0) {
      return Long.MAX_VALUE;
    }
    return n.compareTo(LONG_MIN) <= 0 ? Long.MIN_VALUE : n.longValue();
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
