package dev.paperboy.web;

import java.util.List;

/**
 * An organisation's page: its name, handle and initials (its Hugging Face avatar is not hotlinked;
 * pages show only this site's images), a page of its papers under their Daily Papers days, its most
 * upvoted papers and the authors seen on its papers.
 */
public record OrgView(
    String name,
    String handle,
    String initials,
    String summary,
    List<Day> days,
    List<CardView> top,
    List<AuthorView.Counted> members,
    Pager pager,
    Preview preview,
    FollowButton follow) {

  public boolean hasMath() {
    return CardView.anyMath(top) || days.stream().anyMatch(d -> CardView.anyMath(d.cards()));
  }

  /** The papers of one day, under a heading that links to that day's feed (null for no day). */
  public record Day(String label, String href, List<CardView> cards) {}
}
