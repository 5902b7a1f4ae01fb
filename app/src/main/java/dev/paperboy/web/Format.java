package dev.paperboy.web;

import dev.paperboy.paper.Dates;
import java.time.Instant;
import java.util.Locale;

/** Small pure formatting rules shared by the page views. */
final class Format {

  private Format() {}

  /** 950 -> "950", 1234 -> "1.2k", 25000 -> "25k". */
  static String compact(long n) {
    if (n < 1000) {
      return Long.toString(n);
    }
    if (n < 10_000) {
      String s = String.format(Locale.ROOT, "%.1fk", n / 1000.0);
      return s.replace(".0k", "k");
    }
    return (n / 1000) + "k";
  }

  /** Cuts text at a word boundary so it fits {@code max} characters, adding an ellipsis. */
  static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    String s = text.strip();
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }

  private static final java.util.Set<String> SMALL_WORDS =
      java.util.Set.of("a", "an", "the", "of", "on", "for", "and", "in", "to", "with", "via");

  /**
   * Up to two letters standing for a title (its first two words that are not articles or
   * prepositions), upper-cased: what a placeholder shows where a paper has no image.
   */
  static String initials(String title) {
    StringBuilder out = new StringBuilder();
    for (String word : title.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty() || SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      if (out.codePointCount(0, out.length()) == 2) {
        break;
      }
    }
    return out.isEmpty() ? "?" : out.toString();
  }

  /** Text on one line (runs of white space made one space), cut as {@link #excerpt} cuts. */
  static String oneLine(String text, int max) {
    return excerpt(text == null ? "" : text.replaceAll("\\s+", " "), max);
  }

  /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date. */
  static String ago(Instant then, Instant now) {
    long seconds = Math.max(0, java.time.Duration.between(then, now).toSeconds());
    if (seconds < 60) {
      return "just now";
    }
    if (seconds < 3600) {
      return plural(seconds / 60, "minute", "minutes") + " ago";
    }
    if (seconds < 86_400) {
      return plural(seconds / 3600, "hour", "hours") + " ago";
    }
    if (seconds < 30 * 86_400) {
      return plural(seconds / 86_400, "day", "days") + " ago";
    }
    return "on " + Dates.day(then);
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
