package dev.paperboy.cite;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.ParseException;

/** Papers to cite, and BibTeX read back with a real parser (jbibtex), as reference managers do. */
public final class Citations {

  private Citations() {}

  /** A paper of 2026 with these authors, title, journal reference and DOI (either may be null). */
  public static Paper paper(
      String id, String title, List<String> authors, String journalRef, String doi) {
    return new Paper(
        id,
        2,
        title,
        "We study $O(n^2)$ costs & 50% savings.",
        authors,
        List.of("cs.LG", "cs.CL"),
        Instant.parse("2026-08-03T17:00:00Z"),
        null,
        LocalDate.of(2026, 8, 4),
        3,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of("kv cache"),
        null,
        journalRef,
        doi,
        null,
        Set.of(Source.ARXIV_LISTING),
        Paper.Community.NONE,
        false);
  }

  /** The entries of a BibTeX file, parsed strictly; a syntax error fails the test. */
  public static BibTeXDatabase parse(String bibtex) {
    try {
      return new BibTeXParser().parseFully(new StringReader(bibtex));
    } catch (ParseException e) {
      throw new AssertionError("not BibTeX: " + e.getMessage() + "\n" + bibtex, e);
    }
  }

  /** A field of an entry as written between its braces. */
  public static String field(BibTeXEntry entry, String name) {
    var value = entry.getField(new Key(name));
    return value == null ? null : value.toUserString();
  }
}
