package dev.paperboy.web;

import dev.paperboy.feed.FeedService.FeedPage;
import dev.paperboy.feed.Period;
import java.util.List;

/** The day, week or month page. Links that lead nowhere are null. */
public record FeedView(
    String title,
    String heading,
    String label,
    String kind,
    String dailyHref,
    String weeklyHref,
    String monthlyHref,
    String previousHref,
    String previousLabel,
    String nextHref,
    String nextLabel,
    List<CardView> cards,
    String summary,
    String emptyMessage,
    int page,
    int pageCount,
    String previousPageHref,
    String nextPageHref,
    Preview preview) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }

  static String href(Period p) {
    return "/papers/" + p.kind().path() + "/" + p.key();
  }

  /** The page; its preview describes the period's top papers, with the first one's image. */
  static FeedView of(FeedPage page, List<CardView> cards, Site site) {
    Period period = page.period();
    String heading =
        switch (period.kind()) {
          case DAY -> "Daily Papers";
          case WEEK -> "Weekly Papers";
          case MONTH -> "Monthly Papers";
        };
    String self = href(period);
    int shownPage = page.page() + 1;
    String empty = null;
    if (page.total() == 0) {
      empty =
          switch (period.kind()) {
            case DAY ->
                period.from().getDayOfWeek().getValue() >= 6
                    ? "No papers on " + period.label() + ": arXiv does not announce at weekends."
                    : "No papers on " + period.label() + ".";
            case WEEK, MONTH -> "No papers in " + period.label() + ".";
          };
    }
    return new FeedView(
        heading + " · " + period.label(),
        heading,
        period.label(),
        period.kind().path(),
        href(Period.of(Period.Kind.DAY, period.from())),
        href(Period.of(Period.Kind.WEEK, period.from())),
        href(Period.of(Period.Kind.MONTH, period.from())),
        page.previous().map(FeedView::href).orElse(null),
        page.previous().map(Period::label).orElse(null),
        page.next().map(FeedView::href).orElse(null),
        page.next().map(Period::label).orElse(null),
        cards,
        page.total() == 0 ? null : Format.plural(page.total(), "paper", "papers"),
        empty,
        shownPage,
        page.pageCount(),
        shownPage > 1 ? self + "?page=" + (shownPage - 1) : null,
        shownPage < page.pageCount() ? self + "?page=" + (shownPage + 1) : null,
        site.preview(
            heading + " · " + period.label(),
            page.total() == 0 ? empty : topTitles(page.total(), period.label(), cards),
            self,
            cards.isEmpty() ? null : cards.get(0).thumbnailHref(),
            "website"));
  }

  /** "12 papers on Paperboy for Jul 1, 2026, most upvoted first: A; B; C". */
  static String topTitles(int total, String label, List<CardView> cards) {
    return Format.plural(total, "paper", "papers")
        + " on Paperboy for "
        + label
        + ", most upvoted first: "
        + String.join("; ", cards.stream().limit(5).map(CardView::title).toList());
  }
}
