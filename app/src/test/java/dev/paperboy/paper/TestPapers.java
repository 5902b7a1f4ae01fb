package dev.paperboy.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small papers for tests, as an arXiv listing would give them. */
public final class TestPapers {

  private TestPapers() {}

  /** A listing paper of 2026-08-20 by Ada Lovelace in cs.LG; a later version replaces its text. */
  public static Paper listing(String id, int version, String title) {
    return listing(
        id, version, title, "An abstract about " + title.toLowerCase(java.util.Locale.ROOT) + ".");
  }

  /** A listing's paper with this abstract. */
  public static Paper listing(String id, int version, String title, String abstractText) {
    return Paper.fromArxiv(
        id,
        version,
        title,
        abstractText,
        List.of("Ada Lovelace"),
        List.of("cs.LG"),
        null,
        null,
        LocalDate.of(2026, 8, 20),
        null,
        null,
        null,
        Source.ARXIV_LISTING,
        false);
  }

  /**
   * A Hugging Face daily paper of {@code day} (published that day too) claimed by {@code org} (or
   * none), by these authors.
   */
  public static Paper daily(
      String id, int version, LocalDate day, long upvotes, Organization org, List<String> authors) {
    return daily(
        id,
        version,
        "Paper " + id,
        "An abstract.",
        day,
        upvotes,
        org,
        authors,
        List.of("cs.LG"),
        null);
  }

  /** A Hugging Face daily paper with every field a list page or a feed shows chosen. */
  public static Paper daily(
      String id,
      int version,
      String title,
      String abstractText,
      LocalDate day,
      long upvotes,
      Organization org,
      List<String> authors,
      List<String> categories,
      String githubRepo) {
    return new Paper(
        id,
        version,
        title,
        abstractText,
        authors,
        categories,
        day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
        null,
        day,
        upvotes,
        0,
        org,
        githubRepo,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        Set.of(Source.HF_DAILY),
        Paper.Community.NONE,
        false);
  }
}
