package dev.paperboy.web;

import java.util.List;

/**
 * An author's page: their name as most papers write it, a page of their papers newest first, the
 * people they write with most and the organisations that claimed their papers.
 */
public record AuthorView(
    String name,
    String summary,
    List<CardView> cards,
    List<Counted> coauthors,
    List<Counted> organizations,
    Pager pager,
    Preview preview,
    FollowButton follow) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }

  /** A linked name and how many papers it shares with the page's subject. */
  public record Counted(NameLink link, String papers) {}
}
