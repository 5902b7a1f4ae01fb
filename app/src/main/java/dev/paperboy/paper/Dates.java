package dev.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way Paperboy writes a date for people, "21 Aug 2026", on pages, in mail and in logs of
 * what people did. Machines get ISO 8601 ({@link LocalDate#toString()}) instead.
 */
public final class Dates {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Dates() {}

  public static String day(LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }

  /** The UTC day of an instant: papers are dated by arXiv's clock, which runs on UTC. */
  public static String day(Instant i) {
    return i == null ? "" : DAY.format(i.atZone(ZoneOffset.UTC).toLocalDate());
  }
}
