package dev.paperboy.ingest;

import static dev.paperboy.ingest.Xml.is;
import static dev.paperboy.ingest.Xml.nextChild;
import static dev.paperboy.ingest.Xml.skip;
import static dev.paperboy.ingest.Xml.text;

import dev.paperboy.ingest.ArxivAtomFeed.RejectedEntry;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv API ({@code export.arxiv.org/api/query}) Atom answer, streamed so that one bad
 * entry is one rejected entry. Reads the old backend's format (2007-2019: namespaces declared on
 * each element, ids without a version, ACM and MSC classes among the categories) and the 2026 one
 * (namespaces on the feed, {@code arxiv:primary_category} without a scheme, affiliations).
 */
public final class ArxivAtomParser {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ARXIV = "http://arxiv.org/schemas/atom";
  static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

  /** An arXiv category such as cs.LO, astro-ph or cond-mat.str-el. */
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

  private final Xml xml = new Xml();

  /**
   * Reads a whole answer.
   *
   * @throws BadRecord when the answer is not a complete Atom feed (empty, cut off, not XML): worth
   *     asking again
   * @throws ArxivException.Refused when arXiv answered with its error feed
   */
  public ArxivAtomFeed parse(InputStream in) throws BadRecord {
    return xml.read(in, ATOM, "feed", "an Atom feed", ArxivAtomParser::feed);
  }

  private static ArxivAtomFeed feed(XMLStreamReader r) throws XMLStreamException {
    List<Paper> papers = new ArrayList<>();
    List<RejectedEntry> rejected = new ArrayList<>();
    Integer total = null;
    Integer start = null;
    Integer perPage = null;
    int index = 0;
    while (nextChild(r)) {
      if (is(r, ATOM, "entry")) {
        Entry entry = entry(r);
        String location = "entry " + ++index + (entry.id == null ? "" : " (" + entry.id + ")");
        try {
          papers.add(entry.toPaper());
        } catch (BadRecord e) {
          rejected.add(new RejectedEntry(e.getMessage(), location));
        }
      } else if (is(r, OPENSEARCH, "totalResults")) {
        total = number(text(r));
      } else if (is(r, OPENSEARCH, "startIndex")) {
        start = number(text(r));
      } else if (is(r, OPENSEARCH, "itemsPerPage")) {
        perPage = number(text(r));
      } else {
        skip(r);
      }
    }
    return new ArxivAtomFeed(papers, total, start, perPage, rejected);
  }

  private static Entry entry(XMLStreamReader r) throws XMLStreamException {
    Entry e = new Entry();
    while (nextChild(r)) {
      String ns = r.getNamespaceURI();
      String local = r.getLocalName();
      switch (ATOM.equals(ns) ? local : ARXIV.equals(ns) ? "arxiv:" + local : "") {
        case "id" -> e.id = text(r);
        case "title" -> e.title = text(r);
        case "summary" -> e.summary = text(r);
        case "published" -> e.published = text(r);
        case "updated" -> e.updated = text(r);
        case "author" -> author(r, e.authors);
        case "category" -> category(r, e.categories);
        case "link" -> {
          if ("alternate".equals(r.getAttributeValue(null, "rel"))) {
            e.alternate = r.getAttributeValue(null, "href");
          }
          skip(r);
        }
        case "arxiv:primary_category" -> {
          e.primary = Text.clean(r.getAttributeValue(null, "term"));
          skip(r);
        }
        case "arxiv:comment" -> e.comment = text(r);
        case "arxiv:journal_ref" -> e.journalRef = text(r);
        case "arxiv:doi" -> e.doi = text(r);
        default -> skip(r);
      }
    }
    return e;
  }

  private static void author(XMLStreamReader r, List<String> authors) throws XMLStreamException {
    while (nextChild(r)) {
      String name = is(r, ATOM, "name") ? text(r) : null;
      if (name == null) {
        skip(r);
      } else {
        authors.add(name);
      }
    }
  }

  private static void category(XMLStreamReader r, List<String> categories)
      throws XMLStreamException {
    String term = Text.clean(r.getAttributeValue(null, "term"));
    // the old backend listed ACM and MSC classes ("F.4.1; K.2", "03B70, 68Q99") as categories too;
    // Paperboy's categories are arXiv's own, which filters and feeds are built on
    if (term != null && CATEGORY.matcher(term).matches()) {
      categories.add(term);
    }
    skip(r);
  }

  /** The fields of one entry as read, before any of them is checked. */
  private static final class Entry {
    String id;
    String title;
    String summary;
    String published;
    String updated;
    String primary;
    String comment;
    String journalRef;
    String doi;
    String alternate;
    final List<String> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();

    Paper toPaper() throws BadRecord {
      if ("Error".equals(title) && id != null && id.contains("/api/errors")) {
        throw new ArxivException.Refused(summary == null ? id : summary);
      }
      ArxivId read = Records.id(id);
      // the old backend's ids could lack the version its alternate link carries
      ArxivId arxivId =
          read.version() > 0
              ? read
              : ArxivId.parse(alternate).filter(a -> a.id().equals(read.id())).orElse(read);
      Set<String> allCategories = new LinkedHashSet<>();
      if (primary != null) {
        allCategories.add(primary);
      }
      allCategories.addAll(categories);
      return Paper.fromArxiv(
          arxivId.id(),
          arxivId.version(),
          Records.title(title),
          summary,
          authors,
          List.copyOf(allCategories),
          instant(published),
          instant(updated),
          null,
          comment,
          journalRef,
          doi,
          Source.ARXIV_API,
          Records.withdrawn(comment));
    }
  }

  private static Instant instant(String s) throws BadRecord {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s); // takes the old backend's "-04:00" offsets as well as "Z"
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid timestamp '" + s + "'");
    }
  }

  private static Integer number(String s) {
    try {
      return s == null ? null : Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null; // paging numbers are a convenience; a garbled one loses no paper
    }
  }
}
