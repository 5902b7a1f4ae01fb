package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One line of an arXiv "new submissions" listing: {@code {id, pdf, abs, authors[], title,
 * categories[], comment, summary}}. The announcement day comes from the file name.
 */
final class ArxivListingRecords {

  private ArxivListingRecords() {}

  static boolean recognises(JsonNode line) {
    return line.has("id") && line.has("summary") && line.path("authors").isArray();
  }

  static Paper toPaper(JsonNode r, LocalDate fileDay) throws BadRecord {
    ArxivId id = Records.id(Text.text(r, "id"));
    if (fileDay == null) {
      throw new BadRecord("listing file name carries no YYYY-MM-DD announcement day");
    }
    // the announcement day stands in for the dates a listing lacks, and tells a replacement's
    // newer text from the original's
    Instant announced = fileDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Paper.fromArxiv(
        id.id(),
        id.version() == 0 ? 1 : id.version(),
        Records.title(Text.text(r, "title")),
        Text.text(r, "summary"),
        Text.strings(r.path("authors")),
        Text.strings(r.path("categories")),
        announced,
        announced,
        fileDay,
        Text.text(r, "comment"),
        null,
        null,
        Source.ARXIV_LISTING,
        Records.withdrawn(Text.text(r, "comment")));
  }
}
