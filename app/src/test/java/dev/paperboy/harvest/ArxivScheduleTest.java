package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArxivScheduleTest {

  /** Submission time (US Eastern) -> the listing day arXiv dates it under. */
  @ParameterizedTest(name = "submitted {0} ET -> listed {1}")
  @CsvSource({
    "2026-08-17T10:00, 2026-08-18", // Monday morning: Monday evening, Tuesday's listing
    "2026-08-17T13:59, 2026-08-18",
    "2026-08-17T14:00, 2026-08-19", // past the cutoff: Tuesday evening
    "2026-08-20T15:00, 2026-08-24", // Thursday afternoon: Sunday evening, Monday's listing
    "2026-08-21T13:00, 2026-08-24", // Friday before 14:00: still Sunday
    "2026-08-21T15:00, 2026-08-25", // Friday after 14:00: Monday evening, Tuesday's listing
    "2026-08-22T12:00, 2026-08-25", // Saturday
    "2026-08-23T21:00, 2026-08-25", // Sunday night
  })
  void aSubmissionIsListedAfterTheNextAnnouncementThatTakesIt(String submitted, String listed) {
    Instant t =
        ZonedDateTime.of(java.time.LocalDateTime.parse(submitted), ArxivSchedule.EASTERN)
            .toInstant();
    assertEquals(LocalDate.parse(listed), ArxivSchedule.listingDay(t));
  }
}
