package dev.paperboy.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The days one digest covers. A daily digest sent on a weekday covers the days since the previous
 * weekday's digest (Tuesday's covers Monday; Monday's covers Friday to Sunday), so every day is in
 * exactly one daily digest. A weekly digest covers the seven days before the day it is sent.
 */
public record DigestPeriod(
    Subscription.Frequency frequency, LocalDate sendDay, LocalDate from, LocalDate to) {

  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  public static DigestPeriod daily(LocalDate sendDay) {
    if (sendDay.getDayOfWeek().getValue() >= 6) {
      throw new IllegalArgumentException(
          "daily digests go out on weekdays; " + sendDay + " is a " + sendDay.getDayOfWeek());
    }
    LocalDate from =
        sendDay.getDayOfWeek() == DayOfWeek.MONDAY ? sendDay.minusDays(3) : sendDay.minusDays(1);
    return new DigestPeriod(Subscription.Frequency.DAILY, sendDay, from, sendDay.minusDays(1));
  }

  public static DigestPeriod weekly(LocalDate sendDay) {
    return new DigestPeriod(
        Subscription.Frequency.WEEKLY, sendDay, sendDay.minusDays(7), sendDay.minusDays(1));
  }

  /** The period's key in the outbox: {@code daily:2026-08-24}, {@code weekly:2026-W34}. */
  public String key() {
    return frequency == Subscription.Frequency.DAILY
        ? "daily:" + sendDay
        : String.format(
            Locale.ROOT,
            "weekly:%d-W%02d",
            to.get(IsoFields.WEEK_BASED_YEAR),
            to.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** How a reader names the days: "Friday 21 August 2026" or "21 Aug – 23 Aug 2026". */
  public String label() {
    if (from.equals(to)) {
      return LONG.format(from);
    }
    return DAY_MONTH.format(from) + " – " + DAY_MONTH.format(to) + " " + to.getYear();
  }

  /** The web page with the same papers: the day, or the ISO week. */
  public String feedPath() {
    if (from.equals(to)) {
      return "/papers/date/" + from;
    }
    return String.format(
        Locale.ROOT,
        "/papers/week/%d-W%02d",
        to.get(IsoFields.WEEK_BASED_YEAR),
        to.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
