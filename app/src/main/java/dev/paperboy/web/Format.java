package dev.paperboy.web;

import dev.paperboy.paper.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** Small pure formatting rules shared by the page views. */
final class Format {

  private Format() {}

  static String day(LocalDate d) {
    return Dates.day(d);
  }

  static String day(Instant i) {
    return Dates.day(i);
  }

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
    return "on " + day(then);
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
