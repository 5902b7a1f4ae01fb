package dev.paperboy.web;

import dev.paperboy.feed.Period;
import java.util.List;

/** The "For you" page of one period: the switch between periods and the reader's cards. */
public record ForYouView(
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
    boolean cold) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }

  static String href(Period p) {
    return "/for-you?" + p.kind().path() + "=" + p.key();
  }

  static ForYouView of(Period period, List<CardView> cards, boolean cold) {
    return new ForYouView(
        period.label(),
        period.kind().path(),
        href(Period.of(Period.Kind.DAY, period.from())),
        href(Period.of(Period.Kind.WEEK, period.from())),
        href(Period.of(Period.Kind.MONTH, period.from())),
        href(period.previous()),
        period.previous().label(),
        href(period.next()),
        period.next().label(),
        cards,
        cold);
  }
}
