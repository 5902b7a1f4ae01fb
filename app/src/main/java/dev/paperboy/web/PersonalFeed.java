package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import java.util.List;

/**
 * The papers of a reader's private feed (the address behind their secret token), best first. The
 * composition of {@link WebServer} picks the implementation: papers they upvoted today, their "For
 * you" ranking once it exists.
 */
interface PersonalFeed {

  /** What the feed is called in a feed reader, such as "Papers you upvoted". */
  String title();

  /** Up to {@code limit} papers for this user, best first. */
  List<Paper> papersFor(long userId, int limit);
}
