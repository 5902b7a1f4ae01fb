package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every paper from outside passes before it is stored, whether a file import or a live
 * harvest (Hugging Face, the arXiv API, OAI-PMH) brought it: one record must not take over the
 * feeds with a day in 9999 or a count of 10^30.
 *
 * <ul>
 *   <li>the Daily Papers day must lie in [1991-01-01, today + 2 days] (UTC; arXiv opened in August
 *       1991, and a day or two ahead covers time zones and early announcements), or the record is
 *       rejected: "day out of range";
 *   <li>a publication or update date outside that range is dropped (the paper is kept);
 *   <li>upvotes, comment counts and GitHub stars are clamped to [0, 10^9].
 * </ul>
 */
public final class PaperValidator {

  public static final LocalDate EARLIEST = LocalDate.of(1991, 1, 1);
  public static final int DAYS_AHEAD = 2;
  public static final long MAX_COUNT = 1_000_000_000L;

  /** What was wrong, and the value that was (for the example locations). */
  public record Problem(String reason, String value) {}

  /**
   * The paper fit to store with what had to be dropped or clamped, or the reason it cannot be
   * stored at all ({@code paper} is then null).
   */
  public record Checked(Paper paper, Problem rejection, List<Problem> corrections) {
    public boolean accepted() {
      return rejection == null;
    }
  }

  private final InstantSource clock;

  public PaperValidator(InstantSource clock) {
    this.clock = clock;
  }

  public Checked check(Paper p) {
    LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(DAYS_AHEAD);
    LocalDate day = p.dailyDate();
    if (day != null && (day.isBefore(EARLIEST) || day.isAfter(latest))) {
      return new Checked(null, new Problem("day out of range", day.toString()), List.of());
    }
    List<Problem> corrections = new ArrayList<>();
    Instant published = date(p.published(), "published date", latest, corrections);
    Instant updated = date(p.updated(), "updated date", latest, corrections);
    long upvotes = count(p.upvotes(), "upvotes", corrections);
    long comments = count(p.numComments(), "comment count", corrections);
    Long stars =
        p.githubStars() == null ? null : count(p.githubStars(), "GitHub stars", corrections);
    return corrections.isEmpty()
        ? new Checked(p, null, List.of())
        : new Checked(
            p.withDatesAndCounts(published, updated, upvotes, comments, stars), null, corrections);
  }

  private static Instant date(
      Instant date, String what, LocalDate latest, List<Problem> corrections) {
    if (date == null) {
      return null;
    }
    LocalDate day = LocalDate.ofInstant(date, ZoneOffset.UTC);
    if (day.isBefore(EARLIEST) || day.isAfter(latest)) {
      corrections.add(new Problem(what + " out of range, dropped", date.toString()));
      return null;
    }
    return date;
  }

  private static long count(long n, String what, List<Problem> corrections) {
    long clamped = Math.clamp(n, 0, MAX_COUNT);
    if (clamped != n) {
      corrections.add(new Problem(what + " out of range, clamped", Long.toString(n)));
    }
    return clamped;
  }
}
