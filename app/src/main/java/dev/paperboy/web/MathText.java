package dev.paperboy.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits abstract text into text-mode and maths segments the way TeX pairs its delimiters, so the
 * page can escape the text and hand only formulas to KaTeX.
 *
 * <p>arXiv abstracts are TeX: {@code $1.28$} is maths, and a {@code $} closes at the next unescaped
 * {@code $} at its brace depth (one inside {@code \textbf{..}} opens a formula within the formula).
 * Abstracts also quote prices, so a pair is refused when it reads as money: the span starts with a
 * digit and either ends in a space ("from $5 to $10") or the closing {@code $} runs into a digit
 * ("$5-$10"). A {@code $} after a word and before a space ("Modeling$ (WorldPM)") is a stray
 * closer, not an opener. Neither rule refuses a span with TeX in it ({@code \times}, ^, _, braces,
 * =). A refused or unmatched {@code $} stays text, and the next {@code $} may open. {@code \(..\)},
 * {@code \[..\]} and {@code $$..$$} pair as in TeX. A formula is at most {@link #MAX_MATH}
 * characters and has no blank line; anything else stays text.
 *
 * <p>The work is linear: the delimiters are found in one pass and each is looked at a bounded
 * number of times, so hostile input cannot make it slow.
 */
public final class MathText {

  /** A run of text; {@code math} runs hold TeX without delimiters, text runs text-mode TeX. */
  public record Segment(String text, boolean math, boolean display) {}

  static final int MAX_MATH = 2000;

  private static final int DOLLAR = 0;
  private static final int OPEN_PAREN = 1;
  private static final int CLOSE_PAREN = 2;
  private static final int OPEN_BRACKET = 3;
  private static final int CLOSE_BRACKET = 4;

  /**
   * The delimiters of one text, in order: position, kind, and for a dollar its brace depth and
   * where the brace group around it ends (a dollar inside {@code \textbf{..}} within a formula
   * opens a formula of its own, as in TeX).
   */
  private record Delimiters(int[] at, int[] kind, int[] depth, int[] groupEnd, int count) {

    static Delimiters of(String s) {
      int n = 0;
      int[] at = new int[16];
      int[] kind = new int[16];
      int[] depth = new int[16];
      int[] group = new int[16];
      int[] open = new int[16]; // the open brace groups, innermost last
      int opened = 0;
      int[] closeAt = new int[16]; // by group number, where it closes
      int groups = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int k = -1;
        if (c == '{') {
          closeAt = grow(closeAt, groups);
          closeAt[groups] = Integer.MAX_VALUE;
          open = grow(open, opened);
          open[opened++] = groups++;
        } else if (c == '}' && opened > 0) {
          closeAt[open[--opened]] = i;
        } else if (c == '$') {
          k = DOLLAR;
        } else if (c == '\\' && i + 1 < s.length()) {
          k =
              switch (s.charAt(i + 1)) {
                case '(' -> OPEN_PAREN;
                case ')' -> CLOSE_PAREN;
                case '[' -> OPEN_BRACKET;
                case ']' -> CLOSE_BRACKET;
                default -> -1;
              };
          i++; // the escaped character is never a delimiter itself: \$ is a dollar sign
        }
        if (k >= 0) {
          at = grow(at, n);
          kind = grow(kind, n);
          depth = grow(depth, n);
          group = grow(group, n);
          at[n] = k == DOLLAR ? i : i - 1;
          kind[n] = k;
          depth[n] = opened;
          group[n++] = opened == 0 ? -1 : open[opened - 1];
        }
      }
      int[] groupEnd = new int[n];
      for (int t = 0; t < n; t++) {
        groupEnd[t] = group[t] < 0 ? Integer.MAX_VALUE : closeAt[group[t]];
      }
      return new Delimiters(at, kind, depth, groupEnd, n);
    }

    private static int[] grow(int[] a, int n) {
      return n < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
    }

    boolean doubleDollar(int t) {
      return kind[t] == DOLLAR && t + 1 < count && kind[t + 1] == DOLLAR && at[t + 1] == at[t] + 1;
    }

    /** The dollar that closes the one at {@code t}: the next at its depth, in its group; or -1. */
    int[] closingDollars() {
      int[] closing = new int[count];
      java.util.Map<Integer, Integer> nextAtDepth = new java.util.HashMap<>();
      for (int t = count - 1; t >= 0; t--) {
        closing[t] = -1;
        if (kind[t] == DOLLAR) {
          Integer c = nextAtDepth.get(depth[t]);
          closing[t] = c != null && at[c] < groupEnd[t] ? c : -1;
          nextAtDepth.put(depth[t], t);
        }
      }
      return closing;
    }
  }

  private MathText() {}

  public static List<Segment> split(String text) {
    List<Segment> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Delimiters d = Delimiters.of(text);
    int[] next = nextOfKind(d);
    int[] nextDouble = nextDoubleDollar(d);
    int[] closing = d.closingDollars();
    TexMarks tex = TexMarks.of(text);
    int textFrom = 0;
    int t = 0;
    while (t < d.count()) {
      int open = d.at()[t];
      int kind = d.kind()[t];
      int close = -1; // index of the closing delimiter
      int width = 1; // its length in characters
      boolean display = false;
      if (kind == OPEN_PAREN || kind == OPEN_BRACKET) {
        close = next[t * 5 + kind + 1];
        display = kind == OPEN_BRACKET;
        width = 2;
      } else if (kind == DOLLAR && d.doubleDollar(t)) {
        close = t + 2 < d.count() ? nextDouble[t + 2] : -1;
        display = true;
        width = 2;
      } else if (kind == DOLLAR) {
        close = closing[t];
        if (close >= 0 && notFormula(text, open, d.at()[close], tex)) {
          close = -1;
        }
      }
      int bodyFrom = open + width;
      int bodyTo = close < 0 ? -1 : d.at()[close];
      if (close >= 0 && formula(text, bodyFrom, bodyTo)) {
        if (open > textFrom) {
          out.add(new Segment(text.substring(textFrom, open), false, false));
        }
        out.add(new Segment(text.substring(bodyFrom, bodyTo), true, display));
        textFrom = bodyTo + width;
        t = close + (width == 2 && kind == DOLLAR ? 2 : 1);
      } else {
        t += display && kind == DOLLAR ? 2 : 1;
      }
    }
    if (textFrom < text.length()) {
      out.add(new Segment(text.substring(textFrom), false, false));
    }
    return out;
  }

  /** True when some segment of the text is a formula. */
  public static boolean hasMath(List<Segment> segments) {
    return segments.stream().anyMatch(Segment::math);
  }

  /**
   * The formula as KaTeX should read it: an abstract is not a TeX file, so {@code %} is a per cent
   * sign, not a comment; MathJax's unicode macro ({@code unicode{x2013}}), which arXiv's pages
   * accept, becomes KaTeX's {@code \\char"2013}.
   */
  static String forKatex(String tex) {
    StringBuilder out = new StringBuilder(tex.length() + 8);
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '%') {
        out.append("\\%");
      } else if (c == '\\' && tex.startsWith("\\unicode{", i)) {
        int end = tex.indexOf('}', i);
        String code = end < 0 || end - i > 20 ? null : codePoint(tex.substring(i + 9, end));
        if (code == null) {
          out.append(c);
        } else {
          out.append("\\char\"").append(code).append(' ');
          i = end;
        }
      } else if (c == '\\' && i + 1 < tex.length()) {
        out.append(c).append(tex.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** "x2013" or "8211" as upper-case hex digits, or null. */
  private static String codePoint(String arg) {
    String a = arg.strip();
    try {
      int code =
          a.startsWith("x") || a.startsWith("X")
              ? Integer.parseInt(a.substring(1), 16)
              : Integer.parseInt(a);
      return code > 0 && Character.isValidCodePoint(code)
          ? Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT)
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether the pair reads as something other than a formula: a price ("$5 to $10", "$5-$10") or a
   * stray closing dollar after a word ("Modeling$ (WorldPM) ... $"). A span with TeX in it ("$4.7
   * \times $", "120$ \times $") is a formula whatever its spacing.
   */
  private static boolean notFormula(String s, int open, int close, TexMarks tex) {
    if (tex.within(open + 1, close)) {
      return false;
    }
    boolean price = close > open + 1 && Character.isDigit(s.charAt(open + 1));
    boolean endsInSpace = Character.isWhitespace(s.charAt(close - 1));
    boolean runsIntoDigit = close + 1 < s.length() && Character.isDigit(s.charAt(close + 1));
    boolean afterWord = open > 0 && Character.isLetterOrDigit(s.charAt(open - 1));
    boolean beforeSpace = open + 1 < s.length() && Character.isWhitespace(s.charAt(open + 1));
    return (price && (endsInSpace || runsIntoDigit)) || (afterWord && beforeSpace);
  }

  /** How many characters that only TeX uses (\\ ^ _ { } =) come before each position. */
  private record TexMarks(int[] before) {

    static TexMarks of(String s) {
      int[] before = new int[s.length() + 1];
      for (int i = 0; i < s.length(); i++) {
        before[i + 1] = before[i] + ("\\^_{}=".indexOf(s.charAt(i)) >= 0 ? 1 : 0);
      }
      return new TexMarks(before);
    }

    boolean within(int from, int to) {
      return before[to] > before[from];
    }
  }

  private static boolean formula(String s, int from, int to) {
    if (to <= from || to - from > MAX_MATH || s.substring(from, to).isBlank()) {
      return false;
    }
    boolean newline = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (newline) {
          return false; // a blank line ends a paragraph, and TeX refuses it inside maths
        }
        newline = true;
      } else if (!Character.isWhitespace(c)) {
        newline = false;
      }
    }
    return true;
  }

  /** For each delimiter and kind, the index of the next delimiter of that kind after it, or -1. */
  private static int[] nextOfKind(Delimiters d) {
    int[] next = new int[d.count() * 5];
    int[] seen = {-1, -1, -1, -1, -1};
    for (int t = d.count() - 1; t >= 0; t--) {
      System.arraycopy(seen, 0, next, t * 5, 5);
      seen[d.kind()[t]] = t;
    }
    return next;
  }

  /** For each delimiter, the index of the first {@code $$} at or after it, or -1. */
  private static int[] nextDoubleDollar(Delimiters d) {
    int[] next = new int[d.count()];
    int seen = -1;
    for (int t = d.count() - 1; t >= 0; t--) {
      if (d.doubleDollar(t)) {
        seen = t;
      }
      next[t] = seen;
    }
    return next;
  }
}
