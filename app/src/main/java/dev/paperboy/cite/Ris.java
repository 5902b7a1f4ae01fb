package dev.paperboy.cite;

import dev.paperboy.paper.Paper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * RIS records (Zotero, EndNote, Mendeley): {@code TY GEN} for a preprint, {@code JOUR} with {@code
 * JO} once a journal reference is known; one {@code AU} per author, keywords as {@code KW}.
 */
public final class Ris {

  private static final DateTimeFormatter DA =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Ris() {}

  public static String of(List<Paper> papers) {
    StringBuilder out = new StringBuilder();
    for (Paper p : papers) {
      record(out, p);
    }
    return out.toString();
  }

  public static String of(Paper paper) {
    return of(List.of(paper));
  }

  private static void record(StringBuilder out, Paper p) {
    boolean journal = p.journalRef() != null && !p.journalRef().isBlank();
    tag(out, "TY", journal ? "JOUR" : "GEN");
    for (String a : p.authors()) {
      tag(out, "AU", a);
    }
    tag(out, "TI", p.title());
    String year = CiteKeys.year(p);
    if (!year.isEmpty()) {
      tag(out, "PY", year);
    }
    if (p.published() != null) {
      tag(out, "DA", DA.format(p.published()));
    } else if (p.dailyDate() != null) {
      tag(out, "DA", DA.format(p.dailyDate().atStartOfDay(ZoneOffset.UTC)));
    }
    tag(out, "UR", p.absUrl());
    if (p.doi() != null && !p.doi().isBlank()) {
      tag(out, "DO", p.doi().strip());
    }
    if (journal) {
      tag(out, "JO", p.journalRef());
    }
    if (!p.abstractText().isBlank()) {
      tag(out, "AB", p.abstractText());
    }
    for (String k : p.categories()) {
      tag(out, "KW", k);
    }
    for (String k : p.aiKeywords()) {
      tag(out, "KW", k);
    }
    tag(out, "ER", "");
  }

  /** "XX - value": RIS is one line per tag, so line breaks in a value become spaces. */
  private static void tag(StringBuilder out, String tag, String value) {
    out.append(tag).append("  - ").append(value.replaceAll("\\s+", " ").strip()).append("\r\n");
  }
}
