package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Authors' names as arXiv writes them: in one line ("A. Smith (MIT), B. Jones and C. Wu"), or in
 * parts (keyname, forenames, suffix).
 */
final class ArxivAuthors {

  private static final Pattern AND = Pattern.compile(",?\\s+(?:and|&)\\s+");
  private static final Pattern SEPARATOR = Pattern.compile("[,:]");
  private static final Pattern ET_AL = Pattern.compile("(?i)et\\.?\\s+al\\.?");

  /** "John Smith, Jr." is one author: the suffix goes back to the name before its comma. */
  private static final Pattern SUFFIX = Pattern.compile("Jr\\.?|Sr\\.?|II|III|IV");

  /** A "name" without a letter or digit, like the lone ":" after "BELLE Collaboration". */
  private static final Pattern NO_NAME = Pattern.compile("[^\\p{L}\\p{N}]*");

  private ArxivAuthors() {}

  /**
   * The authors of a line in order, split the way arXiv's own abstract pages split them: at commas,
   * colons and a standalone "and" or "&amp;", never inside parentheses, which hold affiliations and
   * are left out. Empty for a null or blank line.
   */
  static List<String> split(String line) {
    List<String> names = new ArrayList<>();
    if (line == null) {
      return names;
    }
    for (String part : SEPARATOR.split(AND.matcher(outsideParentheses(line)).replaceAll(","))) {
      String name = Text.clean(part);
      if (name == null || NO_NAME.matcher(name).matches() || ET_AL.matcher(name).matches()) {
        continue;
      }
      if (SUFFIX.matcher(name).matches() && !names.isEmpty()) {
        names.add(names.removeLast() + " " + name);
      } else {
        names.add(name);
      }
    }
    return names;
  }

  /** "Forenames Keyname Suffix" from arXiv's parts; null when they hold no name. */
  static String join(String forenames, String keyname, String suffix) {
    String name =
        Text.clean(String.join(" ", nonNull(forenames), nonNull(keyname), nonNull(suffix)));
    return name == null || NO_NAME.matcher(name).matches() ? null : name;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * The line with each parenthesised part, nested ones included, replaced by a comma: an
   * affiliation ends the name before it. An unclosed parenthesis runs to the end of the line.
   */
  private static String outsideParentheses(String line) {
    StringBuilder s = new StringBuilder(line.length());
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '(') {
        if (depth++ == 0) {
          s.append(',');
        }
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        s.append(c);
      }
    }
    return s.toString();
  }
}
