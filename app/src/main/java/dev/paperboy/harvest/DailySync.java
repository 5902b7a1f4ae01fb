package dev.paperboy.harvest;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server harvests by itself. After the configured hour on arXiv's announcement evenings
 * (Sunday to Thursday, US Eastern) it harvests arXiv for the window from the end of the last
 * successful window (at most a week back) to the listing day just announced; every evening it
 * refreshes Hugging Face's last three days, whose upvotes keep growing. Each harvest runs once; one
 * that failed resumes at the next tick. At every tick, whatever the hour, papers that still lack
 * categories (Hugging Face's) are looked up on arXiv, a bounded round at a time.
 */
public final class DailySync {

  /** An arXiv harvest of the records announced in a window of days (UTC dates, inclusive). */
  @FunctionalInterface
  public interface ArxivWindow {
    HarvestSource forDays(LocalDate from, LocalDate until);
  }

  static final int HF_DAYS = 3;
  static final int LONGEST_WINDOW_DAYS = 7;
  private static final Pattern UNTIL = Pattern.compile("until=(\\d{4}-\\d{2}-\\d{2})");
  private static final Logger log = LoggerFactory.getLogger(DailySync.class);

  private final Harvests harvests;
  private final HarvestSettings settings;
  private final ArxivWindow arxiv;
  private final BiFunction<LocalDate, String, HarvestSource> hfDay;
  private final ArxivBackfill backfill;
  private final Clock clock;

  /**
   * @param hfDay the Hugging Face harvest of a day, refreshed on the given day
   * @param backfill the round that looks up papers without categories on arXiv
   */
  public DailySync(
      Harvests harvests,
      HarvestSettings settings,
      ArxivWindow arxiv,
      BiFunction<LocalDate, String, HarvestSource> hfDay,
      ArxivBackfill backfill,
      Clock clock) {
    this.harvests = harvests;
    this.settings = settings;
    this.arxiv = arxiv;
    this.hfDay = hfDay;
    this.backfill = backfill;
    this.clock = clock;
  }

  /** Runs whatever is due now; returns the harvests it finished (failed ones resume later). */
  public List<Harvests.Harvest> runDue(PrintStream progress) {
    List<Harvests.Harvest> ran = new ArrayList<>();
    ZonedDateTime now = clock.instant().atZone(settings.zone());
    if (!settings.enabled()) {
      return ran;
    }
    if (now.getHour() >= settings.hour()) {
      runScheduled(now, progress, ran);
    }
    if (backfill.due()) {
      // a new round each tick: the row shows the latest, a failed one resumes
      run(backfill, true, progress).ifPresent(ran::add);
    }
    return ran;
  }

  private void runScheduled(ZonedDateTime now, PrintStream progress, List<Harvests.Harvest> ran) {
    LocalDate evening = now.toLocalDate();
    if (ArxivSchedule.announces(evening)) {
      LocalDate listing = evening.plusDays(1);
      LocalDate from = lastUntil().map(d -> d.plusDays(1)).orElse(listing.minusDays(3));
      if (from.isBefore(listing.minusDays(LONGEST_WINDOW_DAYS))) {
        from = listing.minusDays(LONGEST_WINDOW_DAYS); // older gaps: ./paperboy ingest oai
      }
      if (!from.isAfter(listing)) {
        run(arxiv.forDays(from, listing), false, progress).ifPresent(ran::add);
      }
    }
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    for (int back = HF_DAYS - 1; back >= 0; back--) {
      run(hfDay.apply(today.minusDays(back), today.toString()), false, progress)
          .ifPresent(ran::add);
    }
  }

  /** The latest last day of the finished arXiv windows (a backfill of old days counts too). */
  private Optional<LocalDate> lastUntil() {
    return harvests.done("arxiv-oai").stream()
        .map(h -> UNTIL.matcher(h.query()))
        .filter(Matcher::find)
        .map(m -> LocalDate.parse(m.group(1)))
        .max(LocalDate::compareTo);
  }

  /**
   * @param again whether a finished harvest runs once more (a finished one is skipped otherwise)
   */
  private Optional<Harvests.Harvest> run(
      HarvestSource source, boolean again, PrintStream progress) {
    if (!again && harvests.find(source).filter(Harvests.Harvest::done).isPresent()) {
      return Optional.empty();
    }
    try {
      Harvests.Harvest h = harvests.run(source, again, progress, () -> {});
      return Optional.of(h);
    } catch (RuntimeException e) {
      log.warn(
          "{} {} stopped: {}; it resumes at the next tick",
          source.name(),
          source.query(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
