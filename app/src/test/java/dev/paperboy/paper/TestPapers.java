package dev.paperboy.paper;

import java.time.LocalDate;
import java.util.List;

/** Small papers for tests, as an arXiv listing would give them. */
public final class TestPapers {

  private TestPapers() {}

  /** A listing paper of 2026-08-20 by Ada Lovelace in cs.LG; a later version replaces its text. */
  public static Paper listing(String id, int version, String title) {
    return Paper.fromArxiv(
        id,
        version,
        title,
        "An abstract about " + title.toLowerCase(java.util.Locale.ROOT) + ".",
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
}
