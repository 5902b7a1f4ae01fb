package dev.paperboy.ingest;

import static dev.paperboy.ingest.Xml.nextChild;
import static dev.paperboy.ingest.Xml.skip;
import static dev.paperboy.ingest.Xml.text;

import dev.paperboy.ingest.OaiPmhPage.DeletedRecord;
import dev.paperboy.ingest.OaiPmhPage.RejectedRecord;
import dev.paperboy.ingest.OaiPmhPage.ResumptionToken;
import dev.paperboy.paper.Paper;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a ListRecords or GetRecord answer of arXiv's OAI-PMH interface in the {@code arXiv} or
 * {@code arXivRaw} format, streamed so that one bad record is one rejected record. Each record
 * becomes a paper on the day of its header's datestamp, or a deleted record.
 */
public final class OaiPmhParser {

  static final String OAI = "http://www.openarchives.org/OAI/2.0/";

  /** How arXiv's OAI identifiers start: "oai:arXiv.org:2608.01234". */
  private static final String ID_PREFIX = "oai:arXiv.org:";

  private final Xml xml = new Xml();

  /** What one answer holds, gathered as it is read. */
  private static final class Page {
    final List<Paper> papers = new ArrayList<>();
    final List<DeletedRecord> deleted = new ArrayList<>();
    final List<RejectedRecord> rejected = new ArrayList<>();
    ResumptionToken token;
    int records;
  }

  /**
   * Reads a whole answer.
   *
   * @throws BadRecord when the answer is not a complete OAI-PMH answer (empty, cut off, not XML):
   *     worth asking again
   * @throws ArxivException.BadResumptionToken when arXiv does not accept the resumption token
   * @throws ArxivException.OaiPmhError on any other OAI-PMH error but noRecordsMatch, which is an
   *     empty, complete page
   */
  public OaiPmhPage parse(InputStream in) throws BadRecord {
    return xml.read(in, OAI, "OAI-PMH", "an OAI-PMH answer", OaiPmhParser::page);
  }

  private static OaiPmhPage page(XMLStreamReader r) throws XMLStreamException {
    Page page = new Page();
    boolean noRecordsMatch = false;
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "ListRecords", "GetRecord" -> records(r, page);
        case "error" -> noRecordsMatch |= error(r);
        default -> skip(r);
      }
    }
    return noRecordsMatch
        ? OaiPmhPage.empty()
        : new OaiPmhPage(page.papers, page.deleted, page.rejected, page.token);
  }

  /** True for noRecordsMatch; throws for every other error. */
  private static boolean error(XMLStreamReader r) throws XMLStreamException {
    String code = r.getAttributeValue(null, "code");
    String message = text(r);
    String said = message == null ? "(no message)" : message;
    return switch (code == null ? "" : code) {
      case "noRecordsMatch" -> true;
      case "badResumptionToken" -> throw new ArxivException.BadResumptionToken(said);
      case "" -> throw new ArxivException.OaiPmhError("(no code)", said);
      default -> throw new ArxivException.OaiPmhError(code, said);
    };
  }

  private static void records(XMLStreamReader r, Page page) throws XMLStreamException {
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "record" -> record(r, ++page.records, page);
        case "resumptionToken" -> page.token = token(r);
        default -> skip(r);
      }
    }
  }

  private static void record(XMLStreamReader r, int number, Page page) throws XMLStreamException {
    String identifier = null;
    String datestamp = null;
    boolean deleted = false;
    OaiPmhMetadata metadata = null;
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "header" -> {
          deleted = "deleted".equals(r.getAttributeValue(null, "status"));
          while (nextChild(r)) {
            switch (r.getLocalName()) {
              case "identifier" -> identifier = text(r);
              case "datestamp" -> datestamp = text(r);
              default -> skip(r);
            }
          }
        }
        case "metadata" -> metadata = OaiPmhMetadata.read(r);
        default -> skip(r);
      }
    }
    try {
      LocalDate day = datestamp(datestamp);
      if (deleted) {
        page.deleted.add(new DeletedRecord(Records.id(withoutPrefix(identifier)).id(), day));
      } else if (metadata == null) {
        throw new BadRecord("no metadata");
      } else {
        page.papers.add(metadata.toPaper(day));
      }
    } catch (BadRecord e) {
      String location = "record " + number + (identifier == null ? "" : " (" + identifier + ")");
      page.rejected.add(new RejectedRecord(e.getMessage(), location));
    }
  }

  private static String withoutPrefix(String identifier) {
    return identifier != null && identifier.regionMatches(true, 0, ID_PREFIX, 0, ID_PREFIX.length())
        ? identifier.substring(ID_PREFIX.length())
        : identifier;
  }

  /** arXiv stamps records by day ("2014-11-18"); OAI-PMH also allows a full UTC time. */
  private static LocalDate datestamp(String s) throws BadRecord {
    if (s == null) {
      throw new BadRecord("missing datestamp");
    }
    try {
      return s.length() == 10
          ? LocalDate.parse(s)
          : LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new BadRecord("invalid datestamp '" + s + "'");
    }
  }

  /**
   * The old interface wrote {@code cursor} and {@code completeListSize}; the standard's {@code
   * expirationDate} is written {@code expires} by arXiv's newer one. Garbled attributes are left
   * out: only the value matters for paging.
   */
  private static ResumptionToken token(XMLStreamReader r) throws XMLStreamException {
    Integer cursor = number(r.getAttributeValue(null, "cursor"));
    Integer size = number(r.getAttributeValue(null, "completeListSize"));
    String expiry = r.getAttributeValue(null, "expirationDate");
    Instant expires = instant(expiry != null ? expiry : r.getAttributeValue(null, "expires"));
    return new ResumptionToken(text(r), cursor, size, expires);
  }

  private static Integer number(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
