package dev.paperboy.web;

import dev.paperboy.web.MathText.Segment;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The text-mode parts of an abstract (what {@link MathText} left outside maths) as escaped HTML:
 * the macros authors put in arXiv abstracts become markup ({@code \emph} is {@code <em>}, a URL
 * macro a link), citations and cross-references go (with the space before them), TeX accents,
 * quotes, dashes and ties become their characters. Anything unknown stays as written, escaped.
 *
 * <p>One left-to-right pass; a macro argument is looked for within {@link #MAX_ARGUMENT}
 * characters, so the work stays linear on hostile input. Braces that follow a macro are TeX groups
 * and vanish; other braces ("a {class} photo") are the author's text and stay.
 */
final class TexText {

  /** Search highlights arrive as these two private-use characters around the matched words. */
  static final char MARK_START = '\uE000';

  static final char MARK_END = '\uE001';

  static final int MAX_ARGUMENT = 2000;
  private static final int MAX_TAG_DEPTH = 16;
  private static final char NBSP = '\u00a0';

  private TexText() {}

  /**
   * The segments as HTML: text escaped, markup only from known macros, each formula escaped in a
   * {@code span.tex} for KaTeX. A group may span a formula ("\\emph{the $x$ value}").
   */
  static String html(List<Segment> segments) {
    Pass pass = new Pass();
    for (Segment segment : segments) {
      if (segment.math()) {
        pass.formula(segment);
      } else {
        pass.text(segment.text());
      }
    }
    return pass.finish();
  }

  /** Text without formulas as HTML. */
  static String html(String tex) {
    return html(List.of(new Segment(tex, false, false)));
  }

  static void escape(CharSequence s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      escape(s.charAt(i), out);
    }
  }

  /** Escapes for element content and quoted attribute values; drops highlight marks. */
  static void escape(char c, StringBuilder out) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      case MARK_START, MARK_END -> {}
      default -> out.append(c);
    }
  }

  /** Where a group ends, the HTML that closes what it opened (a kept brace, a tag, nothing). */
  private static final class Group {
    String close;
    final boolean brace;

    Group(String close) {
      this.close = close;
      this.brace = close.equals("}");
    }

    /** An unclosed kept brace gets no closing brace the author did not write. */
    String unclosed() {
      return brace ? close.substring(0, close.length() - 1) : close;
    }
  }

  /** One rendering: the input, where it has got to, the HTML so far and the open groups. */
  private static final class Pass {
    private final StringBuilder out = new StringBuilder();
    private final Deque<Group> groups = new ArrayDeque<>();
    private final Group outermost = new Group("");
    private String s = "";
    private int i;
    private boolean marked;

    void text(String text) {
      s = text;
      i = 0;
      while (i < s.length()) {
        step(s.charAt(i));
      }
    }

    /** A formula inside a highlight is marked whole. */
    void formula(Segment f) {
      boolean hit = f.text().indexOf(MARK_START) >= 0 || f.text().indexOf(MARK_END) >= 0;
      boolean wasMarked = marked;
      unmark();
      tag(hit ? "<mark>" : "");
      out.append("<span class=\"tex\" data-display=\"").append(f.display()).append("\">");
      escape(MathText.forKatex(f.text()), out);
      out.append("</span>");
      tag(hit ? "</mark>" : "");
      if (wasMarked) {
        out.append("<mark>");
        marked = true;
      }
    }

    String finish() {
      while (!groups.isEmpty()) {
        tag(groups.pop().unclosed());
      }
      tag(outermost.close);
      unmark();
      return out.toString();
    }

    private void step(char c) {
      switch (c) {
        case '\\' -> command();
        case '{' -> openBrace();
        case '}' -> closeBrace();
        case '~' -> {
          // at a segment's start a formula stands before: "$n$~samples"
          char before = i > 0 ? s.charAt(i - 1) : 'x';
          boolean tie =
              i + 1 < s.length()
                  && tieBetween(before, s.charAt(i + 1))
                  && !(i == 0 && Character.isDigit(s.charAt(i + 1)));
          put(tie ? NBSP : '~');
          i++;
        }
        case '-' -> dash();
        case '`' -> quote("``", "“", c);
        case '\'' -> quote("''", "”", c);
        case MARK_START -> {
          if (!marked) {
            out.append("<mark>");
            marked = true;
          }
          i++;
        }
        case MARK_END -> {
          unmark();
          i++;
        }
        case 'h' -> {
          if (atWordStart() && (s.startsWith("http://", i) || s.startsWith("https://", i))) {
            bareUrl();
          } else {
            put(c);
            i++;
          }
        }
        default -> {
          put(c);
          i++;
        }
      }
    }

    /** A tie joins two words ("Fig.~3"); before a number after a space it means "about" (~50%). */
    private static boolean tieBetween(char before, char after) {
      return !Character.isWhitespace(before)
          && before != '('
          && before != '/'
          && before != '['
          && !Character.isWhitespace(after);
    }

    private void dash() {
      if (s.startsWith("---", i)) {
        put('—');
        i += 3;
      } else if (s.startsWith("--", i)
          && !(atWordStart() && i + 2 < s.length() && Character.isLetter(s.charAt(i + 2)))) {
        put('–'); // "--flag" at a word's start is a command-line option, kept as typed
        i += 2;
      } else if (s.startsWith("--", i)) {
        put('-');
        put('-');
        i += 2;
      } else {
        put('-');
        i++;
      }
    }

    private void quote(String pair, String curly, char c) {
      if (s.startsWith(pair, i)) {
        putAll(curly);
        i += 2;
      } else {
        put(c);
        i++;
      }
    }

    private boolean atWordStart() {
      return i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
    }

    /** A URL typed into the text keeps its ~ and -- (and loses TeX escapes such as \_). */
    private void bareUrl() {
      while (i < s.length()
          && !Character.isWhitespace(s.charAt(i))
          && "{}".indexOf(s.charAt(i)) < 0) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length() && !Character.isLetter(s.charAt(i + 1))) {
          c = s.charAt(++i);
        }
        put(c);
        i++;
      }
    }

    private void command() {
      if (i + 1 >= s.length()) {
        put('\\');
        i++;
        return;
      }
      char d = s.charAt(i + 1);
      if (!Character.isLetter(d) || d > 'z') {
        i += 2;
        symbol(d);
        return;
      }
      int end = i + 1;
      while (end < s.length() && isAsciiLetter(s.charAt(end))) {
        end++;
      }
      String name = s.substring(i + 1, end);
      int at = i;
      i = end;
      if (!named(name)) {
        i = at + 1;
        put('\\');
      }
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A backslash and one non-letter: an escape, a space, an accent or a stray delimiter. */
    private void symbol(char d) {
      switch (d) {
        case '%', '&', '#', '_', '$', '{', '}', '(', ')', '[', ']' -> put(d);
        case ',' -> put('\u2009');
        case ';', ':', ' ', '\n', '\\' -> put(' ');
        case '!', '-', '/', '@' -> {}
        default -> {
          if (TexMacros.ACCENTS.containsKey(d)) {
            accent(TexMacros.ACCENTS.get(d));
          } else {
            put('\\');
            put(d);
          }
        }
      }
    }

    /** Handles a known macro; false leaves it to be printed as written. */
    private boolean named(String name) {
      if (TexMacros.WRAPS.containsKey(name)) {
        return wrap(TexMacros.WRAPS.get(name));
      }
      if (TexMacros.DECLARATIONS.containsKey(name)) {
        declare(TexMacros.DECLARATIONS.get(name));
        return true;
      }
      if (TexMacros.REMOVED.contains(name)) {
        skipOptional();
        skipOptional();
        if (argument() == null && !name.equals("footnotemark")) {
          return false;
        }
        removed();
        return true;
      }
      if (name.length() == 1 && TexMacros.ACCENTS.containsKey(name.charAt(0)) && accentAhead()) {
        accent(TexMacros.ACCENTS.get(name.charAt(0)));
        return true;
      }
      if (TexMacros.SYMBOLS.containsKey(name)) {
        putAll(TexMacros.SYMBOLS.get(name));
        if (s.startsWith("{}", i)) {
          i += 2;
        }
        return true;
      }
      return switch (name) {
        case "url" -> url();
        case "href" -> href();
        case "footnote" -> footnote();
        case "textcolor", "colorbox" -> {
          skipOptional();
          yield argument() != null && wrap("");
        }
        case "color" -> {
          skipOptional();
          yield argument() != null;
        }
        default -> false;
      };
    }

    /** {@code \c c}, {@code \v{s}}: a letter accent wants a letter or a group after it. */
    private boolean accentAhead() {
      int j = i;
      while (j < s.length() && s.charAt(j) == ' ') {
        j++;
      }
      return j < s.length() && (s.charAt(j) == '{' || Character.isLetter(s.charAt(j)));
    }

    private void accent(char combining) {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      String base;
      if (i < s.length() && s.charAt(i) == '{') {
        base = argument();
        if (base == null) {
          base = "";
        }
      } else if (s.startsWith("\\i", i) || s.startsWith("\\j", i)) {
        base = s.substring(i + 1, i + 2);
        i += 2;
      } else if (i < s.length()) {
        base = s.substring(i, i + 1);
        i++;
      } else {
        base = "";
      }
      base = base.replace("\\i", "i").replace("\\j", "j").replace("{", "").replace("}", "");
      if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
        putAll(base);
        return;
      }
      putAll(Normalizer.normalize(base.charAt(0) + String.valueOf(combining), Normalizer.Form.NFC));
      putAll(base.substring(1));
    }

    /** {@code \emph{x}}: opens the tag now and closes it with the group. */
    private boolean wrap(String tag) {
      skipSpaces();
      if (i >= s.length() || s.charAt(i) != '{') {
        return true; // "\emph x": the macro goes, the text stays
      }
      i++;
      open(tag);
      return true;
    }

    private void open(String tag) {
      if (tag.isEmpty() || groups.size() >= MAX_TAG_DEPTH) {
        groups.push(new Group(""));
      } else {
        tag("<" + tag + ">");
        groups.push(new Group("</" + tag + ">"));
      }
    }

    /** {@code {\em x}}: the tag lasts until the enclosing group ends. */
    private void declare(String tag) {
      skipSpaces(); // TeX drops the spaces after a control word
      if (tag.isBlank()) {
        putAll(tag);
        return;
      }
      Group g = groups.isEmpty() ? outermost : groups.peek();
      if (groups.size() < MAX_TAG_DEPTH) {
        tag("<" + tag + ">");
        g.close = "</" + tag + ">" + g.close;
      }
    }

    private void openBrace() {
      i++;
      if (i < s.length() && s.charAt(i) == '\\') {
        groups.push(new Group("")); // {\em ...}, {\"o}: a TeX group, no text of its own
      } else {
        put('{');
        groups.push(new Group("}"));
      }
    }

    private void closeBrace() {
      i++;
      if (groups.isEmpty()) {
        put('}');
      } else {
        tag(groups.pop().close);
      }
    }

    private boolean url() {
      String target = argument();
      if (target == null) {
        return false;
      }
      String t = plainUrl(target);
      link(t);
      putAll(t);
      closeLink(t);
      return true;
    }

    private boolean href() {
      String target = argument();
      if (target == null) {
        return false;
      }
      skipSpaces();
      if (i >= s.length() || s.charAt(i) != '{') {
        putAll(target);
        return true;
      }
      i++;
      String t = plainUrl(target);
      if (web(t) && groups.size() < MAX_TAG_DEPTH) {
        link(t);
        groups.push(new Group("</a>"));
      } else {
        groups.push(new Group(""));
      }
      return true;
    }

    /** A URL argument without its TeX escapes: {@code a\\_b} is {@code a_b}. */
    private static String plainUrl(String arg) {
      StringBuilder u = new StringBuilder();
      for (int k = 0; k < arg.length(); k++) {
        char c = arg.charAt(k);
        if (c == '\\' && k + 1 < arg.length() && !Character.isLetter(arg.charAt(k + 1))) {
          c = arg.charAt(++k);
        }
        u.append(c);
      }
      return u.toString().strip();
    }

    private static boolean web(String url) {
      String lower = url.toLowerCase(java.util.Locale.ROOT);
      return (lower.startsWith("https://") || lower.startsWith("http://"))
          && url.chars().noneMatch(Character::isWhitespace);
    }

    private void link(String url) {
      if (web(url)) {
        StringBuilder a = new StringBuilder("<a href=\"");
        escape(url, a);
        tag(a.append("\" rel=\"nofollow noopener\">").toString());
      }
    }

    private void closeLink(String url) {
      if (web(url)) {
        tag("</a>");
      }
    }

    /** A footnote's text goes in brackets where it stood. */
    private boolean footnote() {
      skipSpaces();
      if (i >= s.length() || s.charAt(i) != '{') {
        return false;
      }
      i++;
      trimSpace();
      putAll(" (");
      groups.push(new Group(")"));
      return true;
    }

    /**
     * After a citation went: no space left before punctuation or at the end, one space between
     * words, and no empty brackets.
     */
    private void removed() {
      boolean spaced = trimSpace();
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        spaced = true;
        i++;
      }
      char next = i < s.length() ? s.charAt(i) : 0;
      if (next == ')' && out.length() > 0 && out.charAt(out.length() - 1) == '(') {
        out.setLength(out.length() - 1); // "(\cite{a})" leaves no empty brackets
        i++;
        spaced = trimSpace();
        next = i < s.length() ? s.charAt(i) : 0;
        if (next != 0 && Character.isWhitespace(next)) {
          return;
        }
      }
      if (spaced && next != 0 && ".,;:!?)]".indexOf(next) < 0 && !out.isEmpty()) {
        put(' ');
      } else if (spaced && next == 0) {
        put(' '); // a formula may follow this segment
      }
    }

    /** Drops trailing spaces from the HTML so far; true if there were any. */
    private boolean trimSpace() {
      int end = out.length();
      while (end > 0 && isSpace(out.charAt(end - 1))) {
        end--;
      }
      boolean trimmed = end < out.length();
      out.setLength(end);
      return trimmed;
    }

    private static boolean isSpace(char c) {
      return Character.isWhitespace(c) || c == NBSP || c == '\u2009';
    }

    /** The raw text of a {@code {...}} argument, or null when none starts here or it never ends. */
    private String argument() {
      skipSpaces();
      if (i >= s.length() || s.charAt(i) != '{') {
        return null;
      }
      int depth = 0;
      int limit = Math.min(s.length(), i + MAX_ARGUMENT);
      for (int j = i; j < limit; j++) {
        char c = s.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          String arg = s.substring(i + 1, j);
          i = j + 1;
          return arg;
        }
      }
      return null;
    }

    private void skipOptional() {
      skipSpaces();
      if (i < s.length() && s.charAt(i) == '[') {
        int end = s.indexOf(']', i);
        if (end > 0 && end - i < MAX_ARGUMENT) {
          i = end + 1;
        }
      }
    }

    private void skipSpaces() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n')) {
        i++;
      }
    }

    private void unmark() {
      if (marked) {
        out.append("</mark>");
        marked = false;
      }
    }

    /** Markup never crosses a highlight: a mark is closed before any tag. */
    private void tag(String html) {
      if (!html.isEmpty()) {
        unmark();
        out.append(html);
      }
    }

    private void put(char c) {
      escape(c, out);
    }

    private void putAll(String text) {
      for (int k = 0; k < text.length(); k++) {
        put(text.charAt(k));
      }
    }
  }
}
