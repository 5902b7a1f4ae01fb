package dev.paperboy.web;

import dev.paperboy.community.PaperCollections;
import dev.paperboy.community.User;
import java.util.List;

/**
 * A user's public page: what they submitted, upvoted (when they share it, or to themselves),
 * commented and collected.
 */
public record ProfileView(
    User user,
    boolean self,
    String joined,
    List<CardView> submissions,
    List<CardView> upvoted,
    List<ProfileComment> comments,
    List<PaperCollections.Collection> collections) {

  public boolean hasMath() {
    return CardView.anyMath(submissions, upvoted);
  }

  /** One of their comments, linked to the paper it is on. */
  public record ProfileComment(String paperId, String paperTitle, String html, String when) {

    public String href() {
      return "/papers/" + paperId;
    }
  }
}
