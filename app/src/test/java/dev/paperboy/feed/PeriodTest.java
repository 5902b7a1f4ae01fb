package dev.paperboy.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void anIsoWeekRunsFromMondayToSunday() {
    Period week = Period.parse(Period.Kind.WEEK, "2026-W34");
    assertEquals(LocalDate.of(2026, 8, 17), week.from());
    assertEquals(LocalDate.of(2026, 8, 23), week.to());
    assertEquals("2026-W34", week.key());
    assertEquals("Week 34, 2026", week.label());
  }

  @Test
  void theWeekOfADayAtTheTurnOfTheYearBelongsToItsIsoYear() {
    Period week = Period.of(Period.Kind.WEEK, LocalDate.of(2027, 1, 1));
    assertEquals("2026-W53", week.key());
    assertEquals("2027-W01", week.next().key());
  }

  @Test
  void aMonthCoversEveryDayOfIt() {
    Period month = Period.parse(Period.Kind.MONTH, "2024-02");
    assertEquals(LocalDate.of(2024, 2, 29), month.to());
    assertEquals("2024-01", month.previous().key());
    assertEquals("February 2024", month.label());
  }

  @Test
  void badKeysAreRefusedWithTheExpectedShape() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Period.parse(Period.Kind.DAY, "2026-02-30"));
    assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Period.parse(Period.Kind.WEEK, "2025-W53"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Period.parse(Period.Kind.MONTH, "2026-13"));
  }
}
