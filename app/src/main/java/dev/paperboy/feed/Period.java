package dev.paperboy.feed;

import dev.paperboy.paper.Dates;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of Daily Papers days: one day, one ISO week or one calendar month. */
public sealed interface Period {

  LocalDate from();

  LocalDate to();

  /** How the period is written in URLs and the API: 2026-08-21, 2026-W34, 2026-08. */
  String key();

  /** How people read it: "21 Aug 2026", "Week 34, 2026", "August 2026". */
  String label();

  Kind kind();

  Period previous();

  Period next();

  enum Kind {
    DAY("date"),
    WEEK("week"),
    MONTH("month");

    private final String path;

    Kind(String path) {
      this.path = path;
    }

    /** The URL segment and API parameter name: date, week, month. */
    public String path() {
      return path;
    }
  }

  /** The period of the given kind that contains {@code day}. */
  static Period of(Kind kind, LocalDate day) {
    return switch (kind) {
      case DAY -> new Day(day);
      case WEEK -> Week.containing(day);
      case MONTH -> new Month(YearMonth.from(day));
    };
  }

  /** Echoes what someone typed in a message, cut short: a URL may carry kilobytes. */
  static String clip(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /**
   * Parses a key of the given kind (four-digit years only), or throws {@link
   * IllegalArgumentException} saying why.
   */
  static Period parse(Kind kind, String text) {
    return switch (kind) {
      case DAY -> Day.parse(text);
      case WEEK -> Week.parse(text);
      case MONTH -> Month.parse(text);
    };
  }

  record Day(LocalDate day) implements Period {
    private static final Pattern KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static Day parse(String text) {
      try {
        if (text == null || !KEY.matcher(text).matches()) {
          throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(text), 0);
        }
        return new Day(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("date must be YYYY-MM-DD, got '" + clip(text) + "'");
      }
    }

    public LocalDate from() {
      return day;
    }

    public LocalDate to() {
      return day;
    }

    public String key() {
      return day.toString();
    }

    public String label() {
      return Dates.day(day);
    }

    public Kind kind() {
      return Kind.DAY;
    }

    public Period previous() {
      return new Day(day.minusDays(1));
    }

    public Period next() {
      return new Day(day.plusDays(1));
    }
  }

  record Week(LocalDate monday) implements Period {
    private static final Pattern KEY = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public Week {
      if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
        throw new IllegalArgumentException("a week starts on a Monday: " + monday);
      }
    }

    static Week containing(LocalDate day) {
      return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    static Week parse(String text) {
      Matcher m = KEY.matcher(text == null ? "" : text);
      if (!m.matches()) {
        throw new IllegalArgumentException("week must be YYYY-Www, got '" + clip(text) + "'");
      }
      int year = Integer.parseInt(m.group(1));
      int week = Integer.parseInt(m.group(2));
      LocalDate mid = LocalDate.of(year, 7, 1);
      long max = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum();
      if (week < 1 || week > max) {
        throw new IllegalArgumentException(
            "week " + week + " does not exist in " + year + " (1.." + max + ")");
      }
      LocalDate day = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
      return new Week(day);
    }

    public LocalDate from() {
      return monday;
    }

    public LocalDate to() {
      return monday.plusDays(6);
    }

    public String key() {
      return String.format(
          Locale.ROOT,
          "%d-W%02d",
          monday.get(IsoFields.WEEK_BASED_YEAR),
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public String label() {
      return String.format(
          Locale.ROOT,
          "Week %d, %d",
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
          monday.get(IsoFields.WEEK_BASED_YEAR));
    }

    public Kind kind() {
      return Kind.WEEK;
    }

    public Period previous() {
      return new Week(monday.minusWeeks(1));
    }

    public Period next() {
      return new Week(monday.plusWeeks(1));
    }
  }

  record Month(YearMonth month) implements Period {
    private static final DateTimeFormatter LABEL =
        DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private static final Pattern KEY = Pattern.compile("\\d{4}-\\d{2}");

    static Month parse(String text) {
      try {
        if (text == null || !KEY.matcher(text).matches()) {
          throw new DateTimeParseException("not YYYY-MM", String.valueOf(text), 0);
        }
        return new Month(YearMonth.parse(text));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("month must be YYYY-MM, got '" + clip(text) + "'");
      }
    }

    public LocalDate from() {
      return month.atDay(1);
    }

    public LocalDate to() {
      return month.atEndOfMonth();
    }

    public String key() {
      return month.toString();
    }

    public String label() {
      return LABEL.format(month);
    }

    public Kind kind() {
      return Kind.MONTH;
    }

    public Period previous() {
      return new Month(month.minusMonths(1));
    }

    public Period next() {
      return new Month(month.plusMonths(1));
    }
  }
}
