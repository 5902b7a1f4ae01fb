package dev.paperboy.cite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe inside a braced BibTeX field. Outside maths, TeX's special characters are escaped
 * ({@code & % $ # _ { } ~ ^ \}); a formula between single dollars, as arXiv titles and abstracts
 * write them, is kept as it is, since TeX reads it as maths already. Non-ASCII letters stay UTF-8:
 * biber and modern BibTeX read UTF-8, and turning "ü" into {@code {\"u}} would lose letters (Greek,
 * CJK) that have no macro.
 */
final class TexEscape {

  /** A formula between single dollars; kept only when its braces balance. */
  private static final Pattern MATH = Pattern.compile("\\$[^$]+\\$");

  private TexEscape() {}

  static String field(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder();
    Matcher m = MATH.matcher(oneLine);
    int at = 0;
    while (m.find()) {
      out.append(plain(oneLine.substring(at, m.start())));
      String formula = m.group();
      out.append(balanced(formula) ? formula : plain(formula));
      at = m.end();
    }
    out.append(plain(oneLine.substring(at)));
    return out.toString();
  }

  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        // BibTeX counts braces even after a backslash: a lone \{ would unbalance the field
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '\\' -> out.append("\\textbackslash{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * True when every brace in the formula closes, counted as BibTeX counts them (escaped or not), so
   * the formula cannot end the field early.
   */
  private static boolean balanced(String formula) {
    int depth = 0;
    for (int i = 0; i < formula.length(); i++) {
      char c = formula.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
