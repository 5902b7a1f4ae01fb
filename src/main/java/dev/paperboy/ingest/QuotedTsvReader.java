package dev.paperboy.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tab-separated rows whose fields may be CSV-quoted: a field that starts with a quote runs to
 * the next lone quote, may hold tabs and newlines, and writes a quote as two.
 */
final class QuotedTsvReader {

  private final Reader in;
  private int line = 1;
  private int rowStartLine = 1;

  QuotedTsvReader(Reader in) {
    this.in = in;
  }

  /** The line the last row returned by {@link #next()} started on. */
  int rowLine() {
    return rowStartLine;
  }

  /** The next row's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    rowStartLine = line;
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
        fields.add(field.toString());
        field.setLength(0);
        atFieldStart = true;
      } else if (c == '\n') {
        line++;
        break;
      } else if (c != '\r') {
        field.append((char) c);
        atFieldStart = false;
      }
      c = in.read();
    }
    fields.add(field.toString());
    return fields;
  }
}
