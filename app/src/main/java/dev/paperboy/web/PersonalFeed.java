package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import java.util.List;

/**
 * The papers of a reader's private feed (the address behind their secret token), best first. The
 * composition of {@link WebServer} picks the implementation: the reader's "For you" ranking.
 */
interface PersonalFeed {

  /** What the feed is called in a feed reader, such as "For you". */
  String title();

  /** Up to {@code limit} papers for this user, best first. */
  List<Paper> papersFor(long userId, int limit);
}
