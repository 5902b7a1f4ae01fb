package dev.paperboy.web;

import dev.paperboy.community.Follows;
import dev.paperboy.community.User;

/**
 * A follow or unfollow form: the kind and key it posts, the label to keep, and how the button names
 * what it follows ("this author", "cs.CL", "this topic").
 */
public record FollowButton(String kind, String key, String label, String what, boolean following) {

  static FollowButton of(
      Follows follows, User viewer, Follows.Kind kind, String key, String label, String what) {
    return new FollowButton(kind.key(), key, label, what, follows.follows(viewer, kind, key));
  }
}
