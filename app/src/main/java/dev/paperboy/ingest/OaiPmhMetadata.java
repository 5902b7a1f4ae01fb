package dev.paperboy.ingest;

import static dev.paperboy.ingest.Xml.nextChild;
import static dev.paperboy.ingest.Xml.skip;
import static dev.paperboy.ingest.Xml.text;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code <metadata>} of one OAI-PMH record in arXiv's own formats, as read and before any of it
 * is checked: {@code arXiv} (structured authors, {@code created} and {@code updated} days) or
 * {@code arXivRaw} (the authors line and every version with its date and size). Elements are
 * matched by name alone, so that a record whose namespace went missing still reads.
 */
public final class OaiPmhMetadata {

  public static final String ARXIV = "arXiv";
  public static final String ARXIV_RAW = "arXivRaw";

  private static final Pattern VERSION = Pattern.compile("v(\\d{1,6})");

  /** How arXivRaw sizes a version its authors withdrew: no files left. */
  private static final Pattern NO_FILES = Pattern.compile("(?i)0+\\s*kb");

  /** One {@code <version>} of an arXivRaw record as read: "v2", its date, its size. */
  private record RawVersion(String label, String date, String size) {}

  private record Version(int number, Instant date, String size) {}

  private String format;
  private String id;
  private String title;
  private String abstractText;
  private String comment;
  private String journalRef;
  private String doi;
  private String categories;
  private String created;
  private String updated;
  private String authorsLine;
  private final List<String> authors = new ArrayList<>();
  private final List<RawVersion> versions = new ArrayList<>();

  private OaiPmhMetadata() {}

  /** Reads a {@code <metadata>} element, leaving the reader on its end tag. */
  static OaiPmhMetadata read(XMLStreamReader r) throws XMLStreamException {
    OaiPmhMetadata m = new OaiPmhMetadata();
    while (nextChild(r)) {
      if (m.format == null) {
        m.format = r.getLocalName();
        m.fields(r);
      } else {
        skip(r);
      }
    }
    return m;
  }

  private void fields(XMLStreamReader r) throws XMLStreamException {
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "id" -> id = text(r);
        case "title" -> title = text(r);
        case "abstract" -> abstractText = text(r);
        case "comments" -> comment = text(r);
        case "journal-ref" -> journalRef = text(r);
        case "doi" -> doi = text(r);
        case "categories" -> categories = text(r);
        case "created" -> created = text(r);
        case "updated" -> updated = text(r);
        case "authors" -> {
          if (ARXIV_RAW.equals(format)) {
            authorsLine = text(r);
          } else {
            authors(r);
          }
        }
        case "version" -> version(r);
        default -> skip(r);
      }
    }
  }

  private void authors(XMLStreamReader r) throws XMLStreamException {
    while (nextChild(r)) {
      if (!r.getLocalName().equals("author")) {
        skip(r);
        continue;
      }
      List<String> keynames = new ArrayList<>();
      String forenames = null;
      String suffix = null;
      while (nextChild(r)) {
        switch (r.getLocalName()) {
          case "keyname" -> keynames.add(text(r));
          case "forenames" -> forenames = text(r);
          case "suffix" -> suffix = text(r);
          default -> skip(r);
        }
      }
      String name = ArxivAuthors.join(forenames, String.join(" ", keynames), suffix);
      if (name != null) {
        authors.add(name);
      }
    }
  }

  private void version(XMLStreamReader r) throws XMLStreamException {
    String label = r.getAttributeValue(null, "version");
    String date = null;
    String size = null;
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "date" -> date = text(r);
        case "size" -> size = text(r);
        default -> skip(r);
      }
    }
    versions.add(new RawVersion(label, date, size));
  }

  /**
   * The paper this metadata describes, on the Daily Papers day {@code datestamp}.
   *
   * @throws BadRecord when the format is not arXiv's, or a field a paper needs is missing or
   *     unreadable
   */
  Paper toPaper(LocalDate datestamp) throws BadRecord {
    if (!ARXIV.equals(format) && !ARXIV_RAW.equals(format)) {
      throw new BadRecord(format == null ? "no metadata" : "unsupported metadata format " + format);
    }
    ArxivId arxivId = Records.id(id);
    String checkedTitle = Records.title(title);
    int version = 0;
    Instant published;
    Instant latest;
    boolean noFiles = false;
    List<String> names = authors;
    if (ARXIV_RAW.equals(format)) {
      List<Version> all = versions();
      Version first = all.isEmpty() ? null : all.getFirst();
      Version last = all.isEmpty() ? null : all.getLast();
      version = last == null ? 0 : last.number();
      published = first == null ? null : first.date();
      latest = last == null ? null : last.date();
      noFiles = last != null && last.size() != null && NO_FILES.matcher(last.size()).matches();
      names = ArxivAuthors.split(authorsLine);
    } else {
      published = day(created, "created");
      latest = updated == null ? published : day(updated, "updated");
    }
    return Paper.fromArxiv(
        arxivId.id(),
        version,
        checkedTitle,
        abstractText,
        names,
        categories == null ? List.of() : Arrays.stream(categories.split(" ")).distinct().toList(),
        published,
        latest,
        datestamp,
        comment,
        journalRef,
        doi,
        Source.ARXIV_OAI,
        Records.withdrawn(comment) || noFiles);
  }

  /** The arXivRaw versions, oldest first. */
  private List<Version> versions() throws BadRecord {
    List<Version> out = new ArrayList<>();
    for (RawVersion v : versions) {
      Matcher m = VERSION.matcher(v.label() == null ? "" : v.label());
      if (!m.matches()) {
        throw new BadRecord("invalid version '" + v.label() + "'");
      }
      out.add(new Version(Integer.parseInt(m.group(1)), versionDate(v.date()), v.size()));
    }
    out.sort(Comparator.comparingInt(Version::number));
    return out;
  }

  /** arXivRaw dates a version like e-mail: "Tue, 2 Apr 2013 01:50:08 GMT". */
  private static Instant versionDate(String s) throws BadRecord {
    if (s == null) {
      throw new BadRecord("version without a date");
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid version date '" + s + "'");
    }
  }

  /** The arXiv format dates by day: "2014-01-09", taken as its start in UTC. */
  private static Instant day(String s, String field) throws BadRecord {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid " + field + " date '" + s + "'");
    }
  }
}
