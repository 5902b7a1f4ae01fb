package dev.paperboy.web;

/**
 * Reads a search highlighter's HTML (escaped text with {@code <mark>} around matches) back into
 * text, the marks turned into {@link TexText#MARK_START} and {@link TexText#MARK_END}, so it can be
 * rendered like any abstract. Any other tag or unknown entity stays as text, to be escaped again.
 */
final class HighlightHtml {

  private HighlightHtml() {}

  static String text(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (html.startsWith("<mark>", i)) {
        out.append(TexText.MARK_START);
        i += "<mark>".length();
      } else if (html.startsWith("</mark>", i)) {
        out.append(TexText.MARK_END);
        i += "</mark>".length();
      } else if (c == '&') {
        i = entity(html, i, out);
      } else {
        if (c != TexText.MARK_START && c != TexText.MARK_END) {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }

  /** Appends the character of the entity at {@code at}; returns where the text goes on. */
  private static int entity(String html, int at, StringBuilder out) {
    int end = html.indexOf(';', at);
    if (end < 0 || end - at > 10) {
      out.append('&');
      return at + 1;
    }
    String name = html.substring(at + 1, end);
    int code =
        switch (name) {
          case "amp" -> '&';
          case "lt" -> '<';
          case "gt" -> '>';
          case "quot" -> '"';
          case "apos" -> '\'';
          default -> numeric(name);
        };
    if (code < 0) {
      out.append('&');
      return at + 1;
    }
    out.appendCodePoint(code);
    return end + 1;
  }

  private static int numeric(String name) {
    try {
      int code =
          name.startsWith("#x") || name.startsWith("#X")
              ? Integer.parseInt(name.substring(2), 16)
              : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1;
      return Character.isValidCodePoint(code) && code != 0 ? code : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
