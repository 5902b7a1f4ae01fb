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

  /** Enough to hold any week's papers; a week of arXiv CS listings is about 3,000. */
  private static final int WINDOW_LIMIT = 20_000;

  private final PaperStore papers;
  private final KeywordSearch search;

  PaperPicker(PaperStore papers, KeywordSearch search) {
    this.papers = papers;
    this.search = search;
  }

  List<Paper> pick(Subscription s, DigestPeriod period, int size) {
    if (s.kind() == Subscription.Kind.TRENDING) {
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
