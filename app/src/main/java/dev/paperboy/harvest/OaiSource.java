package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.OaiPmhPage;
import dev.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records arXiv's OAI-PMH interface stamped within a window of days, for one or more sets
 * harvested one after the other. Each paper joins the listing day arXiv announced its first version
 * on, so a new version updates the stored paper without moving it. The cursor is the set's position
 * and arXiv's resumption token; when arXiv no longer accepts a token, that set's window starts
 * again (papers already stored are merged, never doubled).
 */
public final class OaiSource implements HarvestSource {

  private static final Logger log = LoggerFactory.getLogger(OaiSource.class);

  /** arXiv's archives that live under the physics set. */
  private static final Set<String> PHYSICS =
      Set.of(
          "astro-ph",
          "cond-mat",
          "gr-qc",
          "hep-ex",
          "hep-lat",
          "hep-ph",
          "hep-th",
          "math-ph",
          "nlin",
          "nucl-ex",
          "nucl-th",
          "physics",
          "quant-ph");

  private static final Pattern CATEGORY = Pattern.compile("([a-z][a-z-]*)(\\.[A-Za-z-]+)?");

  private final OaiPmhClient client;
  private final OaiPmhClient.MetadataFormat format;
  private final List<String> sets;
  private final LocalDate from;
  private final LocalDate until;

  public OaiSource(
      OaiPmhClient client,
      OaiPmhClient.MetadataFormat format,
      List<String> sets,
      LocalDate from,
      LocalDate until) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("name at least one set or category, such as cs.LG");
    }
    if (from != null && until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("--until " + until + " is before --from " + from);
    }
    this.client = client;
    this.format = format;
    this.sets = List.copyOf(sets);
    this.from = from;
    this.until = until;
  }

  /** The arXivRaw records of some categories (or sets) stamped from the first to the last day. */
  public static OaiSource forCategories(
      OaiPmhClient client, List<String> categories, LocalDate from, LocalDate until) {
    return new OaiSource(
        client,
        OaiPmhClient.MetadataFormat.ARXIV_RAW,
        categories.stream().map(OaiSource::set).distinct().toList(),
        from,
        until);
  }

  /**
   * The OAI-PMH set of an arXiv category: {@code cs.LG} is {@code cs:cs:LG}, {@code hep-th} is
   * {@code physics:hep-th}, {@code astro-ph.EP} is {@code physics:astro-ph:EP}; a set is kept.
   */
  public static String set(String category) {
    if (category.contains(":")) {
      return category;
    }
    var m = CATEGORY.matcher(category);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an arXiv category: " + category);
    }
    String archive = m.group(1);
    String sub = m.group(2) == null ? "" : ":" + m.group(2).substring(1);
    return PHYSICS.contains(archive)
        ? "physics:" + archive + sub
        : archive + (sub.isEmpty() ? "" : ":" + archive + sub);
  }

  @Override
  public String name() {
    return "arxiv-oai";
  }

  @Override
  public String query() {
    return "sets="
        + String.join(",", sets)
        + " format="
        + format.prefix()
        + (from == null ? "" : " from=" + from)
        + (until == null ? "" : " until=" + until);
  }

  /** Cursor: "N|token", the Nth set (from 0) and where its list goes on; "N|" starts set N. */
  @Override
  public Page fetch(String cursor) {
    int set = 0;
    String token = "";
    if (cursor != null) {
      int bar = cursor.indexOf('|');
      set = Integer.parseInt(cursor.substring(0, bar));
      token = cursor.substring(bar + 1);
    }
    OaiPmhPage page;
    if (token.isEmpty()) {
      page = client.listRecords(format, sets.get(set), from, until);
    } else {
      try {
        page = client.resume(token);
      } catch (ArxivException.BadResumptionToken e) {
        log.warn(
            "arXiv no longer accepts the resumption token of {} ({}); harvesting that set's window"
                + " again from its start",
            sets.get(set),
            e.arxivMessage());
        page = client.listRecords(format, sets.get(set), from, until);
      }
    }
    List<Paper> papers = new ArrayList<>();
    for (Paper p : page.papers()) {
      papers.add(ArxivApiSource.onListingDay(p));
    }
    for (OaiPmhPage.DeletedRecord d : page.deleted()) {
      log.info(
          "arXiv reports {} deleted (stamped {}); a stored copy is kept", d.id(), d.datestamp());
    }
    String next;
    if (!page.complete()) {
      next = set + "|" + page.resumptionToken().value();
    } else if (set + 1 < sets.size()) {
      next = (set + 1) + "|";
    } else {
      next = null;
    }
    Integer total =
        page.resumptionToken() == null ? null : page.resumptionToken().completeListSize();
    return new Page(
        papers,
        page.rejected().stream().map(r -> r.reason() + " at " + r.location()).toList(),
        next,
        total);
  }
}
