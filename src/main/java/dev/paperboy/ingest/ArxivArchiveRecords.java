package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the arXiv OAI-PMH archive TSV (R. S. Geiger's arxiv_archive): {@code abstract,
 * arxiv_id, author_text, categories, comments, created, doi, primary_cat, title, updated}. The
 * paper's day is its creation date.
 */
final class ArxivArchiveRecords {

  private ArxivArchiveRecords() {}

  static boolean recognises(List<String> header) {
    return header.contains("arxiv_id") && header.contains("abstract") && header.contains("title");
  }

  static Paper toPaper(Map<String, String> row) throws BadRecord {
    ArxivId id = Records.id(Text.clean(row.get("arxiv_id")));
    LocalDate created = date(row.get("created"));
    LocalDate updated = date(row.get("updated"));
    Set<String> categories = new LinkedHashSet<>();
    String primary = Text.clean(row.get("primary_cat"));
    if (primary != null) {
      categories.add(primary);
    }
    String all = Text.clean(row.get("categories"));
    if (all != null) {
      for (String c : all.split("[,\\s]+")) {
        if (!c.isBlank()) {
          categories.add(c);
        }
      }
    }
    List<String> authors = new ArrayList<>();
    String authorText = Text.clean(row.get("author_text"));
    if (authorText != null) {
      for (String a : authorText.split(",\\s*")) {
        String n = Text.clean(a);
        if (n != null) {
          authors.add(n);
        }
      }
    }
    return new Paper(
        id.id(),
        id.version(),
        Records.title(Text.clean(row.get("title"))),
        Text.clean(row.get("abstract")),
        authors,
        List.copyOf(categories),
        instant(created),
        instant(updated != null ? updated : created),
        created,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        Text.clean(row.get("comments")),
        null,
        Text.clean(row.get("doi")),
        null,
        Set.of(Source.ARXIV_ARCHIVE));
  }

  private static LocalDate date(String s) throws BadRecord {
    String t = Text.clean(s);
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid date '" + t + "'");
    }
  }

  private static Instant instant(LocalDate d) {
    return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
