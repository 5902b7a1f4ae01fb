package dev.paperboy.feed;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.recommend.Profile;
import dev.paperboy.recommend.Ranked;
import dev.paperboy.recommend.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A period's papers ranked for one reader, each with why. The candidates are the period's most
 * upvoted {@link #MAX_CANDIDATES} papers, so a busy month costs a bounded amount of work.
 */
public final class ForYouFeed {

  /** The most papers of a period the ranker looks at. */
  public static final int MAX_CANDIDATES = 1000;

  /** One ranked paper and the reasons it is there, strongest first (never empty). */
  public record Pick(Paper paper, List<Reason> reasons) {}

  private final PaperStore papers;
  private final ReaderProfiles profiles;
  private final ForYou ranker;

  public ForYouFeed(PaperStore papers, ReaderProfiles profiles, ForYou ranker) {
    this.papers = papers;
    this.profiles = profiles;
    this.ranker = ranker;
  }

  public ReaderProfiles profiles() {
    return profiles;
  }

  /** The reader's best {@code limit} papers of the days {@code [from, to]}, best first. */
  public List<Pick> rank(long userId, LocalDate from, LocalDate to, int limit) {
    return rank(profiles.of(userId), from, to, limit);
  }

  /** The same for a profile already built. */
  public List<Pick> rank(Profile profile, LocalDate from, LocalDate to, int limit) {
    List<Paper> candidates = papers.feed(from, to, PaperStore.Order.UPVOTES, 0, MAX_CANDIDATES);
    Map<String, Paper> byId = new HashMap<>();
    for (Paper p : candidates) {
      byId.put(p.id(), p);
    }
    List<Pick> out = new ArrayList<>();
    for (Ranked r : ranker.rank(profile, profiles.items(candidates), limit)) {
      out.add(new Pick(byId.get(r.item().id()), r.reasons()));
    }
    return out;
  }

  /** A reason in words, for mail and JSON: "like “Title” that you upvoted". */
  public static String words(Reason r) {
    return switch (r.kind()) {
      case LIKE -> "like “" + r.label() + "” that you upvoted";
      case AUTHOR -> "by " + r.label() + " you follow";
      case ORGANIZATION -> "from " + r.label() + " you follow";
      case CATEGORY -> "in " + r.label() + " you follow";
      case TOPIC -> "matches your topic “" + r.label() + "”";
      case TRENDING -> "trending (" + r.label() + ")";
    };
  }
}
