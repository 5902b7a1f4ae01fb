package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

  private static final Pattern NUMERIC_ID = Pattern.compile("\\d{3,4}\\.\\d+");

  /** How far a printed double may sit from the id it stood for (ids have at most 9 digits). */
  private static final BigDecimal FLOAT_NOISE = new BigDecimal("1e-9");

  private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyMM");

  /**
   * The archive's arxiv_id column went through a floating-point number upstream, which dropped
   * leading and trailing zeros and sometimes printed binary noise: 0704.0960 arrives as "704.096",
   * 1501.00010 as "1501.0001", 1503.02354 as "1503.0235400000001". The id comes back unambiguously
   * (year and month take four digits; the sequence number four digits before 2015 and five from
   * 1501 on). As a check, the id's month must not come before the creation month: a paper submitted
   * after a month's last deadline gets the next month's id (1307.0100 was created on 2013-06-29),
   * and the archive's creation date is sometimes months earlier still (1708.02844: 2017-06-23).
   */
  static String restoreZeros(String raw, LocalDate created) throws BadRecord {
    if (raw == null || !NUMERIC_ID.matcher(raw).matches()) {
      return raw;
    }
    BigDecimal value = new BigDecimal(raw);
    String yymm = String.format(Locale.ROOT, "%04d", value.intValue());
    int digits = yymm.compareTo("1501") >= 0 ? 5 : 4;
    BigDecimal rounded = value.setScale(digits, RoundingMode.HALF_UP);
    if (rounded.subtract(value).abs().compareTo(FLOAT_NOISE) > 0) {
      return raw; // more digits than an id has: reported as an invalid id
    }
    String plain = rounded.toPlainString();
    String id = "0".repeat(4 - plain.indexOf('.')) + plain;
    if (!id.equals(raw) && (created == null || yymm.compareTo(created.format(YEAR_MONTH)) < 0)) {
      throw new BadRecord("arXiv id with lost zeros from before its creation month");
    }
    return id;
  }

  static Paper toPaper(Map<String, String> row) throws BadRecord {
    LocalDate created = date(row.get("created"));
    ArxivId id = Records.id(restoreZeros(Text.clean(row.get("arxiv_id")), created));
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
    return Paper.fromArxiv(
        id.id(),
        id.version(),
        Records.title(Text.clean(row.get("title"))),
        Text.clean(row.get("abstract")),
        authors,
        List.copyOf(categories),
        instant(created),
        instant(updated != null ? updated : created),
        created,
        Text.clean(row.get("comments")),
        null,
        Text.clean(row.get("doi")),
        Source.ARXIV_ARCHIVE,
        Records.withdrawn(Text.clean(row.get("comments"))));
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
