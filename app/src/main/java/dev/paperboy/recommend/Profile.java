package dev.paperboy.recommend;

import java.util.List;
import java.util.Set;

/**
 * What a reader told us, the ground a "For you" ranking stands on. {@code liked} are papers they
 * upvoted or added to a collection (any period, newest first); {@code hidden} are ids they marked
 * "not interested"; {@code read} are ids they marked read. Follows: folded author keys,
 * organisation names, arXiv categories, and topics (saved searches, as typed). {@code background}
 * are papers from the same days as the likes that the reader did not like: what they passed over,
 * the negatives a per-reader classifier learns from besides the period's candidates (as
 * arxiv-sanity-lite trains on every paper it holds).
 */
public record Profile(
    List<Item> liked,
    Set<String> hidden,
    Set<String> read,
    Set<String> authors,
    Set<String> organizations,
    Set<String> categories,
    List<String> topics,
    List<Item> background) {

  public static final Profile EMPTY =
      new Profile(List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());

  public Profile {
    liked = List.copyOf(liked);
    hidden = Set.copyOf(hidden);
    read = Set.copyOf(read);
    authors = Set.copyOf(authors);
    organizations = Set.copyOf(organizations);
    categories = Set.copyOf(categories);
    topics = List.copyOf(topics);
    background = List.copyOf(background);
  }

  /** A profile without background papers. */
  public Profile(
      List<Item> liked,
      Set<String> hidden,
      Set<String> read,
      Set<String> authors,
      Set<String> organizations,
      Set<String> categories,
      List<String> topics) {
    this(liked, hidden, read, authors, organizations, categories, topics, List.of());
  }

  /** Nothing to learn from: no likes and no follows. */
  public boolean isCold() {
    return liked.isEmpty()
        && authors.isEmpty()
        && organizations.isEmpty()
        && categories.isEmpty()
        && topics.isEmpty();
  }
}
