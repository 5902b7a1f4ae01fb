package dev.paperboy.feed;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Picks the papers of a day, week or month and the neighbouring periods worth linking to. */
public final class FeedService {

  /** One page of a period's feed plus where "previous" and "next" lead (empty: nowhere). */
  public record FeedPage(
      Period period,
      List<Paper> papers,
      int total,
      int page,
      int pageSize,
      Optional<Period> previous,
      Optional<Period> next) {

    public int pageCount() {
      return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
  }

  /** How many days, up to the newest one, the trending page ranks. */
  public static final int TRENDING_DAYS = 14;

  /** One page of trending papers, from the window's days. */
  public record TrendingPage(
      List<Paper> papers, int total, int page, int pageSize, LocalDate from, LocalDate to) {

    public int pageCount() {
      return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
  }

  private final PaperStore store;

  public FeedService(PaperStore store) {
    this.store = store;
  }

  /** The newest day that has papers, if any paper is stored at all. */
  public Optional<LocalDate> latestDay() {
    return store.latestDay();
  }

  public FeedPage page(Period period, PaperStore.FeedOrder order, int page, int pageSize) {
    return page(period, null, order, page, pageSize);
  }

  /** A page of the period's papers, only those {@code submitter} submitted when not null. */
  public FeedPage page(
      Period period, String submitter, PaperStore.FeedOrder order, int page, int pageSize) {
    if (page < 0 || pageSize < 1) {
      throw new IllegalArgumentException("page must be >= 0 and page size >= 1");
    }
    int total = store.count(period.from(), period.to(), submitter);
    List<Paper> papers =
        total == 0
            ? List.of()
            : store.feed(period.from(), period.to(), submitter, order, page * pageSize, pageSize);
    return new FeedPage(period, papers, total, page, pageSize, previous(period), next(period));
  }

  /**
   * The trending papers: those of the last {@link #TRENDING_DAYS} days up to the newest day with
   * papers, ranked by {@link Trending} (upvotes decayed by age).
   */
  public TrendingPage trending(int page, int pageSize) {
    LocalDate to = store.latestDay().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
    LocalDate from = to.minusDays(TRENDING_DAYS - 1);
    int total = store.count(from, to);
    List<Paper> papers =
        total == 0 ? List.of() : store.feed(from, to, Trending.ORDER, page * pageSize, pageSize);
    return new TrendingPage(papers, total, page, pageSize, from, to);
  }

  /**
   * Days skip to the nearest day with papers (arXiv is quiet at weekends); weeks and months step by
   * one as long as papers exist on that side.
   */
  private Optional<Period> previous(Period period) {
    Optional<LocalDate> earlier = store.dayBefore(period.from());
    if (period.kind() == Period.Kind.DAY) {
      return earlier.map(Period.Day::new);
    }
    return earlier.map(d -> period.previous());
  }

  private Optional<Period> next(Period period) {
    Optional<LocalDate> later = store.dayAfter(period.to());
    if (period.kind() == Period.Kind.DAY) {
      return later.map(Period.Day::new);
    }
    return later.map(d -> period.next());
  }
}
