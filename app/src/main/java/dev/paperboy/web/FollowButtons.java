package dev.paperboy.web;

import dev.paperboy.community.Follows;
import java.util.ArrayList;
import java.util.List;

/** Builds the follow buttons a page shows, each knowing whether the viewer follows already. */
final class FollowButtons {

  private final Follows follows;

  FollowButtons(Follows follows) {
    this.follows = follows;
  }

  FollowButton author(Viewer viewer, String key, String name) {
    return FollowButton.of(follows, viewer.user(), Follows.Kind.AUTHOR, key, name, "this author");
  }

  FollowButton organization(Viewer viewer, String handle, String name) {
    return FollowButton.of(
        follows, viewer.user(), Follows.Kind.ORGANIZATION, handle, name, "this organisation");
  }

  /** A search page's: its words as a topic, and its category filter, when it has them. */
  List<FollowButton> search(Viewer viewer, String query, String category) {
    List<FollowButton> out = new ArrayList<>();
    if (query != null && !query.isBlank() && query.length() <= 200) {
      out.add(
          FollowButton.of(
              follows, viewer.user(), Follows.Kind.TOPIC, query, query.strip(), "this topic"));
    }
    if (category != null && !category.isBlank() && category.length() <= 40) {
      String cat = category.strip();
      out.add(FollowButton.of(follows, viewer.user(), Follows.Kind.CATEGORY, cat, cat, cat));
    }
    return out;
  }
}
