package dev.paperboy.feed;

import dev.paperboy.community.Feedback;
import dev.paperboy.community.Follows;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.community.Votes;
import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.recommend.Item;
import dev.paperboy.recommend.Profile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers what a reader told us into the {@link Profile} the ranker reads: their upvotes and
 * collection adds (the newest {@link #MAX_LIKED}, as items with embeddings), their follows and the
 * papers they hid or read. The one place a profile is built, for the pages, the API and the mail.
 */
public final class ReaderProfiles {

  /** Likes the ranker compares each candidate with: bounds the work per request. */
  public static final int MAX_LIKED = 200;

  /** Days of the newest likes whose other papers are the reader's background (negatives). */
  static final int BACKGROUND_DAYS = 20;

  /** Papers read from each of those days. */
  static final int BACKGROUND_PER_DAY = 50;

  /** Hidden and read marks taken into account (the newest). */
  static final int MAX_MARKS = 5000;

  private final PaperStore papers;
  private final PaperVectors vectors;
  private final String model;
  private final Votes votes;
  private final PaperCollections collections;
  private final Follows follows;
  private final Feedback feedback;

  /**
   * @param model the embedding model whose stored vectors the ranker compares (the one search
   *     uses), or "none" to rank without embeddings
   */
  public ReaderProfiles(
      PaperStore papers,
      PaperVectors vectors,
      String model,
      Votes votes,
      PaperCollections collections,
      Follows follows,
      Feedback feedback) {
    this.papers = papers;
    this.vectors = vectors;
    this.model = model;
    this.votes = votes;
    this.collections = collections;
    this.follows = follows;
    this.feedback = feedback;
  }

  /** The reader's profile as of now. */
  public Profile of(long userId) {
    Set<String> likedIds = new LinkedHashSet<>(votes.upvotedBy(userId, MAX_LIKED));
    for (String id : collections.addedBy(userId, MAX_LIKED)) {
      if (likedIds.size() >= MAX_LIKED) {
        break;
      }
      likedIds.add(id);
    }
    Set<String> authors = new HashSet<>();
    Set<String> organizations = new HashSet<>();
    Set<String> categories = new HashSet<>();
    List<String> topics = new ArrayList<>();
    for (Follows.Follow f : follows.of(userId)) {
      switch (f.kind()) {
        case AUTHOR -> authors.add(f.key());
        case ORGANIZATION -> organizations.add(f.key());
        case CATEGORY -> categories.add(f.key());
        case TOPIC -> topics.add(f.key());
      }
    }
    List<Paper> liked = papers.findAll(List.copyOf(likedIds));
    return new Profile(
        items(liked),
        feedback.markedSet(userId, Feedback.Mark.HIDDEN, MAX_MARKS),
        feedback.markedSet(userId, Feedback.Mark.READ, MAX_MARKS),
        authors,
        organizations,
        categories,
        topics,
        items(background(liked, likedIds)));
  }

  /**
   * The papers the reader passed over: the most upvoted of the days their newest likes came from,
   * without the likes. What the classifier learns "not this" from, besides the period's candidates.
   */
  private List<Paper> background(List<Paper> liked, Set<String> likedIds) {
    Set<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
    for (Paper p : liked) {
      if (p.dailyDate() != null) {
        days.add(p.dailyDate());
      }
    }
    List<Paper> out = new ArrayList<>();
    for (LocalDate day : days.stream().limit(BACKGROUND_DAYS).toList()) {
      for (Paper p : papers.feed(day, day, PaperStore.Order.UPVOTES, 0, BACKGROUND_PER_DAY)) {
        if (!likedIds.contains(p.id())) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The papers as the ranker sees them, with their stored vectors (when a model is set). */
  public List<Item> items(List<Paper> list) {
    Map<String, float[]> found =
        "none".equals(model) || list.isEmpty()
            ? Map.of()
            : vectors.find(model, list.stream().map(Paper::id).toList());
    List<Item> out = new ArrayList<>(list.size());
    for (Paper p : list) {
      out.add(
          new Item(
              p.id(),
              p.title(),
              p.abstractText(),
              found.get(p.id()),
              p.authors(),
              p.authors().stream().map(AuthorKey::fold).toList(),
              p.organization() == null ? null : p.organization().name(),
              p.categories(),
              p.totalUpvotes(),
              p.published()));
    }
    return out;
  }
}
