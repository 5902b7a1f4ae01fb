package dev.paperboy.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tab-separated rows whose fields may be CSV-quoted: a field that starts with a quote runs to
 * the next lone quote, may hold tabs and newlines, and writes a quote as two. A row longer than the
 * limit is read to its end without being kept.
 */
final class QuotedTsvReader {

  private final Reader in;
  private final long maxChars;
  private long line = 1;
  private long rowStartLine = 1;
  private boolean tooLong;

  QuotedTsvReader(Reader in, long maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** True when the last row returned was over the limit (its fields are then empty). */
  boolean tooLong() {
    return tooLong;
  }

  /** The line the last row returned by {@link #next()} started on. */
  long rowLine() {
    return rowStartLine;
  }

  /** The next row's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    rowStartLine = line;
    tooLong = false;
    long rowChars = 0;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean atFieldStart = true;
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0) {
      if (quoted) {
        if (c == '"') {
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
      } else if (c == '\t') {
        if (!tooLong) {
          fields.add(field.toString());
        }
        field.setLength(0);
        atFieldStart = true;
      } else if (c == '\n') {
        line++;
        break;
      } else if (c != '\r') {
        field.append((char) c);
        atFieldStart = false;
      }
      if (++rowChars > maxChars && !tooLong) {
        tooLong = true;
        fields.clear();
      }
      if (tooLong) {
        field.setLength(0);
      }
      c = in.read();
    }
    fields.add(field.toString());
    return fields;
  }
}
