package dev.paperboy.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits abstract text into plain and TeX segments, so the page can escape the plain text and hand
 * only real formulas to KaTeX. A {@code $...$} span counts as math only when it looks like TeX (a
 * backslash, ^, _ or braces, or a single symbol), because abstracts also quote prices ("costs $8
 * per run and $3 per ...") that must stay text.
 */
public final class MathText {

  /** A run of text; {@code math} runs hold TeX without delimiters. */
  public record Segment(String text, boolean math, boolean display) {}

  private MathText() {}

  public static List<Segment> split(String text) {
    List<Segment> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        plain.append('$');
        i += 2;
        continue;
      }
      if (c == '$') {
        boolean display = text.startsWith("$$", i);
        String delim = display ? "$$" : "$";
        int end = text.indexOf(delim, i + delim.length());
        if (end > i + delim.length()) {
          String tex = text.substring(i + delim.length(), end);
          if (looksLikeTex(tex)) {
            flush(plain, out);
            out.add(new Segment(tex, true, display));
            i = end + delim.length();
            continue;
          }
        }
      }
      plain.append(c);
      i++;
    }
    flush(plain, out);
    return out;
  }

  static boolean looksLikeTex(String tex) {
    String t = tex.strip();
    if (t.isEmpty() || t.length() > 400 || t.contains("\n\n")) {
      return false;
    }
    if (t.length() <= 2 && !Character.isDigit(t.charAt(0))) {
      return true;
    }
    for (char ch : t.toCharArray()) {
      if (ch == '\\' || ch == '^' || ch == '_' || ch == '{' || ch == '}' || ch == '=') {
        return true;
      }
    }
    return false;
  }

  private static void flush(StringBuilder plain, List<Segment> out) {
    if (!plain.isEmpty()) {
      out.add(new Segment(plain.toString(), false, false));
      plain.setLength(0);
    }
  }
}
