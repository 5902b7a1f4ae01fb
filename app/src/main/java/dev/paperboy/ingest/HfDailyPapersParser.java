package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Organization;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Hugging Face {@code /api/daily_papers} response: a JSON array of items, streamed so that
 * one bad item is one rejected record. Handles the 2024-2026 schema drift: optional
 * submittedOnDailyAt, ai_summary, ai_keywords, githubStars and organization (on the paper or on the
 * item).
 */
public final class HfDailyPapersParser {

  private final ObjectMapper json;
  private final long maxItemChars;
  private final String tooLarge;

  /**
   * @param limits an item longer than the record limit is rejected as a record (and skipped without
   *     being built), the rest of the array goes on
   */
  public HfDailyPapersParser(ObjectMapper json, ImportLimits limits) {
    this.json = json;
    this.maxItemChars = limits.maxRecordBytes();
    this.tooLarge = limits.recordTooLarge();
  }

  /**
   * Parses the whole array into the sink.
   *
   * @throws BadRecord when the file as a whole is not a daily-papers array
   */
  public void parse(Reader in, String name, LocalDate fileDay, RecordSink sink)
      throws IOException, BadRecord {
    try (JsonParser raw = json.createParser(in)) {
      ItemReader p = new ItemReader(raw, maxItemChars);
      try {
        items(p, name, fileDay, sink);
      } catch (StreamConstraintsException e) {
        // a value the parser cannot step over: the file ends here, where that value starts
        JsonLocation at = p.currentTokenLocation();
        throw new BadInput(
            String.format(
                Locale.ROOT,
                "too large to read at line %d, column %d (%s)",
                at.getLineNr(),
                at.getColumnNr(),
                e.getOriginalMessage()));
      }
    }
  }

  private void items(ItemReader p, String name, LocalDate fileDay, RecordSink sink)
      throws IOException, BadRecord {
    JsonToken first = p.nextToken();
    if (first == JsonToken.START_OBJECT) {
      throw new BadRecord(
          "expected a JSON array of daily-paper items, found an object with keys " + keys(p));
    }
    if (first != JsonToken.START_ARRAY) {
      throw new BadRecord("expected a JSON array of daily-paper items, found " + first);
    }
    JsonStreamContext array = p.getParsingContext();
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING && index == 0) {
        throw new BadRecord("array of strings (Python repr?), expected daily-paper objects");
      }
      String location = name + "#" + index++;
      JsonNode item = p.readItem(array);
      if (item == null) {
        sink.reject(tooLarge, location);
        continue;
      }
      try {
        sink.accept(toPaper(item, fileDay), location);
      } catch (BadRecord e) {
        sink.reject(e.getMessage(), location + idOf(item));
      }
    }
  }

  /** The top-level keys of an object, streamed past without building the values. */
  private static List<String> keys(JsonParser p) throws IOException {
    List<String> keys = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      keys.add(p.currentName());
      p.nextToken();
      p.skipChildren();
    }
    return keys;
  }

  private static String idOf(JsonNode item) {
    String id = item == null ? null : Text.text(item.path("paper"), "id");
    return id == null ? "" : " (" + id + ")";
  }

  static Paper toPaper(JsonNode item, LocalDate fileDay) throws BadRecord {
    if (item == null || !item.isObject()) {
      throw new BadRecord("item is not a JSON object");
    }
    JsonNode paper = item.path("paper");
    if (!paper.isObject()) {
      throw new BadRecord("item has no 'paper' object");
    }
    String rawId = Text.text(paper, "id");
    if (rawId == null) {
      throw new BadRecord("missing paper.id");
    }
    ArxivId id = ArxivId.parse(rawId).orElseThrow(() -> new BadRecord("invalid arXiv id"));
    String title = Text.text(paper, "title");
    if (title == null) {
      title = Text.text(item, "title");
    }
    if (title == null) {
      throw new BadRecord("missing title");
    }
    String summary = Text.text(paper, "summary");
    Instant published = instant(Text.text(paper, "publishedAt"));
    Instant onDaily = instant(Text.text(paper, "submittedOnDailyAt"));
    LocalDate day =
        onDaily != null
            ? onDaily.atZone(ZoneOffset.UTC).toLocalDate()
            : fileDay != null
                ? fileDay
                : published == null ? null : published.atZone(ZoneOffset.UTC).toLocalDate();
    JsonNode org =
        paper.path("organization").isObject()
            ? paper.path("organization")
            : item.path("organization");
    JsonNode by = paper.path("submittedOnDailyBy");
    String submittedBy = Text.text(by, "user");
    return new Paper(
        id.id(),
        id.version(),
        title,
        summary == null ? Text.text(item, "summary") : summary,
        authors(paper.path("authors")),
        List.of(),
        published,
        null,
        day,
        Text.count(paper.get("upvotes")),
        Text.count(item.get("numComments")),
        org.isObject() && Text.text(org, "name") != null
            ? new Organization(
                Text.text(org, "name"), Text.text(org, "fullname"), Text.text(org, "avatar"))
            : null,
        Text.text(paper, "githubRepo"),
        Text.optionalCount(paper.get("githubStars")),
        Text.text(paper, "projectPage"),
        Text.text(item, "thumbnail"),
        Text.text(paper, "ai_summary"),
        Text.strings(paper.path("ai_keywords")),
        null,
        null,
        null,
        submittedBy != null ? submittedBy : Text.text(by, "name"),
        Set.of(Source.HF_DAILY),
        Paper.Community.NONE,
        false);
  }

  private static List<String> authors(JsonNode authors) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : authors) {
      String name = Text.text(a, "name");
      // "hidden" only hides an author's HF profile link: 2406.06263 hides its real first author
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  private static Instant instant(String s) throws BadRecord {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadRecord("invalid timestamp '" + s + "'");
    }
  }
}
