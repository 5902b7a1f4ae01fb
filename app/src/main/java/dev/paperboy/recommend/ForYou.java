package dev.paperboy.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks one period's papers for one reader and says why. A paper the reader hid never appears; one
 * they marked read sinks below every unread one. With nothing to learn from (no likes, no follows)
 * the ranking is the period's trending order, each card saying so.
 *
 * <p>The score adds the paper's closeness to what the reader liked (cosine to the nearest liked
 * paper's embedding), a fixed weight per follow it matches, and a small popularity prior so that
 * ties go to what the community read.
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
    public static final Weights DEFAULT = new Weights(1.0, 0.5, 0.3, 0.1, 0.4, 0.1);
  }

  private final Weights weights;

  public ForYou(Weights weights) {
    this.weights = weights;
  }

  public ForYou() {
    this(Weights.DEFAULT);
  }

  /** The best {@code limit} candidates for the reader, best first, ties broken by id. */
  public List<Ranked> rank(Profile profile, List<Item> candidates, int limit) {
    long maxUpvotes = 1;
    for (Item c : candidates) {
      maxUpvotes = Math.max(maxUpvotes, c.upvotes());
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Item c : candidates) {
      if (profile.hidden().contains(c.id())) {
        continue;
      }
      List<Reason> reasons = new ArrayList<>();
      double score = weights.popularity() * Math.log1p(c.upvotes()) / Math.log1p(maxUpvotes);
      score += like(profile, c, reasons);
      score += follows(profile, c, reasons);
      if (reasons.isEmpty()) {
        reasons.add(new Reason(Reason.Kind.TRENDING, c.upvotes() + " upvotes", c.id()));
      }
      if (profile.read().contains(c.id())) {
        score -= 100;
      }
      ranked.add(new Ranked(c, score, reasons));
    }
    ranked.sort(
        Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.item().id()));
    return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
  }

  private double like(Profile profile, Item c, List<Reason> reasons) {
    if (c.vector() == null) {
      return 0;
    }
    Item nearest = null;
    double best = 0;
    for (Item liked : profile.liked()) {
      if (liked.vector() == null || liked.id().equals(c.id())) {
        continue;
      }
      double sim = cosine(liked.vector(), c.vector());
      if (sim > best) {
        best = sim;
        nearest = liked;
      }
    }
    if (nearest != null && best > 0.5) {
      reasons.add(new Reason(Reason.Kind.LIKE, nearest.title(), nearest.id()));
    }
    return weights.like() * best;
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

  static double cosine(float[] a, float[] b) {
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
