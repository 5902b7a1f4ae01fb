package dev.paperboy.web;

import java.util.List;

/** The trending page: one page of papers ranked by recent, decayed upvotes. */
public record TrendingView(
    String window,
    List<CardView> cards,
    int page,
    int pageCount,
    String previousPageHref,
    String nextPageHref,
    Preview preview) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }
}
