package dev.paperboy.web;

import dev.paperboy.web.MathText.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * A title, abstract or excerpt ready for a page: escaped HTML in which TeX text macros became
 * markup and each formula waits in a {@code span.tex} for KaTeX; {@code math} says whether there is
 * one, so the page knows to load KaTeX.
 */
public record RichText(String html, boolean math) {

  static final RichText EMPTY = new RichText("", false);

  /** Search passages are joined with this (see the highlighters' formatter). */
  private static final String ELLIPSIS = " … ";

  /** The whole text. */
  static RichText of(String tex) {
    if (tex == null) {
      return EMPTY;
    }
    return of(MathText.split(withoutMarks(tex)));
  }

  /**
   * The text as plain text, for places that show no markup (link previews, meta descriptions):
   * macros become their text, formulas keep their TeX without the dollars.
   */
  static String plain(String tex) {
    String html = of(tex).html().replaceAll("<[^>]*>", "");
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static RichText of(List<Segment> segments) {
    return new RichText(TexText.html(segments), MathText.hasMath(segments));
  }

  /**
   * The start of the text, about {@code max} characters of source cut at a space and never inside a
   * formula, with an ellipsis when something was left out.
   */
  static RichText excerpt(String tex, int max) {
    if (tex == null) {
      return EMPTY;
    }
    List<Segment> all = MathText.split(withoutMarks(tex.strip()));
    List<Segment> kept = new ArrayList<>();
    int used = 0;
    for (Segment s : all) {
      int length = s.text().length() + (s.math() ? 2 : 0);
      if (used + length <= max) {
        kept.add(s);
        used += length;
        continue;
      }
      if (!s.math()) {
        String start = cut(s.text(), max - used);
        if (!start.isBlank() || kept.isEmpty()) {
          kept.add(new Segment(start, false, false));
        }
      }
      kept.add(new Segment("…", false, false));
      break;
    }
    return of(kept);
  }

  /**
   * Text cut at a space before {@code room} characters, preferring one outside braces so that a
   * macro's argument ({@code \cite{a, b}}) is not cut in two.
   */
  static String cut(String text, int room) {
    int depth = 0;
    int lastSpace = -1;
    int lastOutside = -1;
    for (int i = 0; i < Math.min(room, text.length()); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (Character.isWhitespace(c)) {
        lastSpace = i;
        if (depth == 0) {
          lastOutside = i;
        }
      }
    }
    int at = lastOutside >= room / 4 ? lastOutside : lastSpace;
    return text.substring(0, Math.max(0, at)).stripTrailing() + (at > 0 ? " " : "");
  }

  /**
   * A search highlight (the indexed text escaped, matches in {@code <mark>}, passages joined by an
   * ellipsis) rendered like any text: it is read back to text first, so nothing of its HTML is
   * trusted, and each passage pairs its own dollars.
   */
  static RichText highlighted(String highlightHtml) {
    if (highlightHtml == null) {
      return EMPTY;
    }
    StringBuilder html = new StringBuilder();
    boolean math = false;
    for (String passage : highlightHtml.split(ELLIPSIS, -1)) {
      RichText r = of(MathText.split(HighlightHtml.text(passage)));
      if (!html.isEmpty()) {
        html.append(ELLIPSIS);
      }
      html.append(r.html());
      math |= r.math();
    }
    return new RichText(html.toString(), math);
  }

  private static String withoutMarks(String s) {
    return s.indexOf(TexText.MARK_START) < 0 && s.indexOf(TexText.MARK_END) < 0
        ? s
        : s.replace(String.valueOf(TexText.MARK_START), "")
            .replace(String.valueOf(TexText.MARK_END), "");
  }
}
