package dev.paperboy.cite;

import dev.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX entries as arXiv's own "Export BibTeX Citation" writes them: {@code @misc} with {@code
 * eprint}, {@code archivePrefix} and {@code primaryClass}, or {@code @article} with {@code journal}
 * once a journal reference is known; {@code doi} whenever one is. Keys are unique within one file.
 */
public final class BibTex {

  private BibTex() {}

  /** One file of entries, in the given order, keys unique within it. */
  public static String of(List<Paper> papers) {
    CiteKeys keys = new CiteKeys();
    StringBuilder out = new StringBuilder();
    for (Paper p : papers) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(entry(p, keys.next(p)));
    }
    return out.toString();
  }

  public static String of(Paper paper) {
    return of(List.of(paper));
  }

  private static String entry(Paper p, String key) {
    List<String[]> fields = new ArrayList<>();
    fields.add(field("title", TexEscape.field(p.title())));
    if (!p.authors().isEmpty()) {
      fields.add(
          field("author", String.join(" and ", p.authors().stream().map(BibTex::author).toList())));
    }
    if (p.journalRef() != null && !p.journalRef().isBlank()) {
      fields.add(field("journal", TexEscape.field(p.journalRef())));
    }
    String year = CiteKeys.year(p);
    if (!year.isEmpty()) {
      fields.add(field("year", year));
    }
    fields.add(field("eprint", p.id()));
    fields.add(field("archivePrefix", "arXiv"));
    if (p.primaryCategory() != null) {
      fields.add(field("primaryClass", TexEscape.plain(p.primaryCategory())));
    }
    if (p.doi() != null && !p.doi().isBlank()) {
      fields.add(field("doi", TexEscape.plain(p.doi().strip())));
    }
    fields.add(field("url", p.absUrl()));
    StringBuilder out = new StringBuilder();
    out.append(p.journalRef() != null && !p.journalRef().isBlank() ? "@article{" : "@misc{");
    out.append(key);
    for (String[] f : fields) {
      out.append(",\n      ").append(f[0]).append("={").append(f[1]).append('}');
    }
    return out.append(",\n}\n").toString();
  }

  /**
   * A name as one BibTeX author: braced when it holds a comma or "and", which BibTeX would
   * otherwise read as name structure.
   */
  private static String author(String name) {
    String escaped = TexEscape.plain(name.replaceAll("\\s+", " ").strip());
    return escaped.contains(",") || escaped.matches("(?i).*\\band\\b.*")
        ? "{" + escaped + "}"
        : escaped;
  }

  private static String[] field(String name, String value) {
    return new String[] {name, value};
  }
}
