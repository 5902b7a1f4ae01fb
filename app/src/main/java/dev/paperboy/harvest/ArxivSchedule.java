package dev.paperboy.harvest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * arXiv's announcement calendar (US Eastern time): new submissions are announced at 20:00 on Sunday
 * to Thursday evenings; Monday to Thursday take what arrived before 14:00 that day, and Sunday
 * takes Thursday 14:00 to Friday 14:00. Nothing is announced on Friday or Saturday. A listing is
 * dated the day after its evening (so listing days are Monday to Friday), as arXiv's "new" pages
 * and mailings date them. Holidays, when arXiv skips a day, are not modelled.
 */
public final class ArxivSchedule {

  public static final ZoneId EASTERN = ZoneId.of("America/New_York");
  static final LocalTime CUTOFF = LocalTime.of(14, 0);
  static final LocalTime ANNOUNCEMENT = LocalTime.of(20, 0);

  private ArxivSchedule() {}

  /** True on the evenings arXiv announces (Sunday to Thursday). */
  public static boolean announces(LocalDate eveningDay) {
    DayOfWeek d = eveningDay.getDayOfWeek();
    return d != DayOfWeek.FRIDAY && d != DayOfWeek.SATURDAY;
  }

  /** The evening (Eastern date) whose announcement includes a paper submitted at {@code t}. */
  public static LocalDate announcementEvening(Instant submitted) {
    ZonedDateTime t = submitted.atZone(EASTERN);
    for (LocalDate day = t.toLocalDate(); ; day = day.plusDays(1)) {
      if (!announces(day)) {
        continue;
      }
      LocalDate cutoffDay = day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
      if (t.isBefore(ZonedDateTime.of(cutoffDay, CUTOFF, EASTERN))) {
        return day;
      }
    }
  }

  /** The listing day a paper submitted at {@code t} appears under: the day after its evening. */
  public static LocalDate listingDay(Instant submitted) {
    return announcementEvening(submitted).plusDays(1);
  }
}
