package dev.paperboy.web;

import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.ForYouFeed;
import dev.paperboy.paper.Paper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A private feed of the reader's "For you" ranking over the last week of Daily Papers (the newest
 * day and the six before it): what a feed reader polling once a day or once a week should show.
 */
final class ForYouPapers implements PersonalFeed {

  static final int DAYS = 7;

  private final ForYouFeed forYou;
  private final FeedService feeds;

  ForYouPapers(ForYouFeed forYou, FeedService feeds) {
    this.forYou = forYou;
    this.feeds = feeds;
  }

  @Override
  public String title() {
    return "For you";
  }

  @Override
  public List<Paper> papersFor(long userId, int limit) {
    LocalDate newest = feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
    return forYou.rank(userId, newest.minusDays(DAYS - 1), newest, limit).stream()
        .map(ForYouFeed.Pick::paper)
        .toList();
  }
}
