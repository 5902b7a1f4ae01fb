package dev.paperboy.digest;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses a reader's papers for a period: the top ones by upvotes (papers nobody voted for are not
 * trending), or those matching their topics, best voted first.
 */
public final class PaperPicker {

  /** Finds the ids of papers that match a keyword within the days (the search index does it). */
  @FunctionalInterface
  public interface KeywordSearch {
    Set<String> matching(String keyword, LocalDate from, LocalDate to);
  }

  /**
   * A reader's "For you" papers of the days, best first, each with its reasons in words; built
   * outside the mail side, which knows nothing of accounts' follows and votes.
   */
  @FunctionalInterface
  public interface ForYouSource {
    /** Ranks nothing: a For-you digest then sends the period's trending papers. */
    ForYouSource NONE = (userId, from, to, size) -> List.of();

    List<Picked> forYou(long userId, LocalDate from, LocalDate to, int size);
  }

  /** A paper chosen for a digest and why (empty for trending and topics digests). */
  public record Picked(Paper paper, List<String> reasons) {
    public Picked {
      reasons = List.copyOf(reasons);
    }
  }

  /** Enough to hold any week's papers; a week of arXiv CS listings is about 3,000. */
  private static final int WINDOW_LIMIT = 20_000;

  private final PaperStore papers;
  private final KeywordSearch search;
  private final ForYouSource forYou;

  PaperPicker(PaperStore papers, KeywordSearch search, ForYouSource forYou) {
    this.papers = papers;
    this.search = search;
    this.forYou = forYou;
  }

  /**
   * The subscriber's papers with reasons: a For-you digest ranks for the subscriber's account (one
   * without an account, or whose ranking is empty, gets the trending papers).
   */
  List<Picked> picks(Subscription s, DigestPeriod period, int size) {
    if (s.kind() == Subscription.Kind.FOR_YOU && s.userId() != null) {
      List<Picked> ranked = forYou.forYou(s.userId(), period.from(), period.to(), size);
      if (!ranked.isEmpty()) {
        return ranked;
      }
    }
    return pick(s, period, size).stream().map(p -> new Picked(p, List.of())).toList();
  }

  List<Paper> pick(Subscription s, DigestPeriod period, int size) {
    if (s.kind() != Subscription.Kind.TOPICS) {
      return papers.feed(period.from(), period.to(), PaperStore.Order.UPVOTES, 0, size).stream()
          .filter(p -> p.totalUpvotes() > 0)
          .toList();
    }
    Set<String> byKeyword = new HashSet<>();
    for (String keyword : s.keywords()) {
      // a followed topic is its words together ("agent harness"), not any one of them
      String phrase = "\"" + keyword.replace("\"", " ").strip() + "\"";
      byKeyword.addAll(search.matching(phrase, period.from(), period.to()));
    }
    List<Paper> matched = new ArrayList<>();
    for (Paper p :
        papers.feed(period.from(), period.to(), PaperStore.Order.UPVOTES, 0, WINDOW_LIMIT)) {
      if (byKeyword.contains(p.id()) || inCategory(p, s.categories()) || byAuthor(p, s.authors())) {
        matched.add(p);
      }
    }
    matched.sort(Comparator.comparingLong(Paper::totalUpvotes).reversed().thenComparing(Paper::id));
    return matched.subList(0, Math.min(size, matched.size()));
  }

  private static boolean inCategory(Paper p, List<String> categories) {
    return categories.stream().anyMatch(c -> p.categories().stream().anyMatch(c::equalsIgnoreCase));
  }

  /** An author matches by their full name as arXiv lists it, ignoring case. */
  private static boolean byAuthor(Paper p, List<String> authors) {
    if (authors.isEmpty()) {
      return false;
    }
    for (String a : p.authors()) {
      String name = a.toLowerCase(Locale.ROOT);
      if (authors.stream().anyMatch(wanted -> name.equals(wanted.toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }
}
