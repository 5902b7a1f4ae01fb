package dev.paperboy.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks one period's papers for one reader and says why. A paper the reader hid never appears; one
 * they marked read sinks below every unread one. With nothing to learn from (no likes, no follows)
 * the ranking is the period's trending order, each card saying so.
 *
 * <p>With likes, a linear SVM per reader (arxiv-sanity-lite's model) learns the liked papers
 * against the period's candidates, over TF-IDF of title, abstract and authors joined with the
 * paper's embedding; the TF-IDF vocabulary is built from exactly those documents, so the ranker
 * keeps no state. To that it adds how often the paper's authors and organisation occur among the
 * likes, a fixed weight per follow it matches, and a small popularity prior. Chosen by measurement:
 * {@code paperboy eval --for-you} (see the README).
 */
public final class ForYou {

  /** How much each signal weighs. */
  public record Weights(
      double like,
      double author,
      double organization,
      double category,
      double topic,
      double popularity) {
    public static final Weights DEFAULT = new Weights(1.0, 0.5, 0.3, 0.1, 0.4, 0.0);
  }

  /**
   * How the per-reader model learns from likes: the SVM's C, how much the embedding weighs beside
   * the unit TF-IDF vector, the weights of liked authors and liked organisations (by their share of
   * the likes), and how many of the newest likes it reads at most (bounding the cost).
   */
  public record Learning(
      double c,
      double embedding,
      double likedAuthors,
      double likedOrganizations,
      int maxLikes,
      int maxBackground,
      TfIdf.Options terms) {
    public static final Learning DEFAULT =
        new Learning(0.1, 0.5, 0.0, 0.5, 300, 1000, new TfIdf.Options(2, 0.5, 20_000, true));
  }

  private final Weights weights;
  private final Learning learning;

  public ForYou(Weights weights, Learning learning) {
    this.weights = weights;
    this.learning = learning;
  }

  public ForYou(Weights weights) {
    this(weights, Learning.DEFAULT);
  }

  public ForYou() {
    this(Weights.DEFAULT, Learning.DEFAULT);
  }

  /** The best {@code limit} candidates for the reader, best first, ties broken by id. */
  public List<Ranked> rank(Profile profile, List<Item> candidates, int limit) {
    long maxUpvotes = 1;
    for (Item c : candidates) {
      maxUpvotes = Math.max(maxUpvotes, c.upvotes());
    }
    List<Item> shown = new ArrayList<>();
    for (Item c : candidates) {
      if (!profile.hidden().contains(c.id())) {
        shown.add(c);
      }
    }
    List<Item> liked =
        profile.liked().subList(0, Math.min(learning.maxLikes(), profile.liked().size()));
    LikeModel model =
        liked.isEmpty() ? null : new LikeModel(liked, background(profile), shown, learning);
    List<Ranked> ranked = new ArrayList<>();
    Map<Item, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      Item c = shown.get(i);
      position.put(c, i);
      List<Reason> reasons = new ArrayList<>();
      double score = weights.popularity() * Math.log1p(c.upvotes()) / Math.log1p(maxUpvotes);
      if (model != null) {
        score += weights.like() * model.score(i);
      }
      score += follows(profile, c, reasons);
      ranked.add(new Ranked(c, score, reasons));
    }
    ranked.sort(
        Comparator.comparing((Ranked r) -> profile.read().contains(r.item().id()))
            .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
            // equal scores (a cold reader's, say) in trending order
            .thenComparing(Comparator.comparingLong((Ranked r) -> r.item().upvotes()).reversed())
            .thenComparing(r -> r.item().id()));
    List<Ranked> top = new ArrayList<>();
    for (Ranked r : ranked.subList(0, Math.min(limit, ranked.size()))) {
      List<Reason> reasons = new ArrayList<>();
      if (model != null) {
        Item nearest = model.nearestLiked(position.get(r.item()));
        if (nearest != null) {
          reasons.add(new Reason(Reason.Kind.LIKE, nearest.title(), nearest.id()));
        }
      }
      reasons.addAll(r.reasons());
      if (reasons.isEmpty()) {
        reasons.add(
            new Reason(Reason.Kind.TRENDING, r.item().upvotes() + " upvotes", r.item().id()));
      }
      top.add(new Ranked(r.item(), r.score(), reasons));
    }
    return List.copyOf(top);
  }

  /** The newest of the reader's background papers, bounded like the likes. */
  private List<Item> background(Profile profile) {
    List<Item> all = profile.background();
    return all.subList(0, Math.min(all.size(), learning.maxBackground()));
  }

  private double follows(Profile profile, Item c, List<Reason> reasons) {
    double score = 0;
    for (int i = 0; i < c.authorKeys().size(); i++) {
      if (profile.authors().contains(c.authorKeys().get(i))) {
        reasons.add(new Reason(Reason.Kind.AUTHOR, c.authors().get(i), c.authorKeys().get(i)));
        score += weights.author();
      }
    }
    if (c.organization() != null && profile.organizations().contains(c.organization())) {
      reasons.add(new Reason(Reason.Kind.ORGANIZATION, c.organization(), c.organization()));
      score += weights.organization();
    }
    for (String cat : c.categories()) {
      if (profile.categories().contains(cat)) {
        reasons.add(new Reason(Reason.Kind.CATEGORY, cat, cat));
        score += weights.category();
        break;
      }
    }
    String text = c.text().toLowerCase(Locale.ROOT);
    for (String topic : profile.topics()) {
      if (matches(text, topic)) {
        reasons.add(new Reason(Reason.Kind.TOPIC, topic, topic));
        score += weights.topic();
      }
    }
    return score;
  }

  /** Every word of the topic appears in the text. */
  static boolean matches(String lowerText, String topic) {
    String[] words = topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    boolean any = false;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (!lowerText.contains(w)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The cosine of two embeddings (0 when either is zero). */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
