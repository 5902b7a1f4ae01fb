package dev.paperboy.web;

import dev.paperboy.community.Votes;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.util.List;

/** A private feed of the papers the reader upvoted, latest vote first. */
final class UpvotedPapers implements PersonalFeed {

  private final Votes votes;
  private final PaperStore papers;

  UpvotedPapers(Votes votes, PaperStore papers) {
    this.votes = votes;
    this.papers = papers;
  }

  @Override
  public String title() {
    return "Papers you upvoted";
  }

  @Override
  public List<Paper> papersFor(long userId, int limit) {
    return papers.findAll(votes.upvotedBy(userId, limit));
  }
}
