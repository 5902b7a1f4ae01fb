package dev.paperboy.web;

import java.util.List;

/** Everything a reader follows, each with its page and an unfollow button. */
public record FollowingView(List<Row> rows, int max) {

  /** One follow: its kind in words, its label, where it leads and the button that unfollows it. */
  public record Row(String kind, String label, String href, FollowButton unfollow) {}
}
