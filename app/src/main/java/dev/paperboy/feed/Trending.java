package dev.paperboy.feed;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Dialect;
import java.time.LocalDate;

/**
 * What trending means: upvotes decayed by age, {@code votes / (hours since the paper's day began +
 * 2)^1.5}, hours counted up to the end of the period's last day (Hacker News' gravity, a little
 * gentler).
 */
public final class Trending implements PaperStore.FeedOrder {

  public static final Trending ORDER = new Trending();

  static final double GRAVITY = 1.5;
  static final int HEAD_START_HOURS = 2;

  private Trending() {}

  @Override
  public String orderBy(Dialect dialect, LocalDate end) {
    return "(upvotes + local_upvotes) / pow("
        + dialect.greatest("0", dialect.hoursSince("daily_date", end))
        + " + "
        + HEAD_START_HOURS
        + ", "
        + GRAVITY
        + ") DESC, id DESC";
  }
}
