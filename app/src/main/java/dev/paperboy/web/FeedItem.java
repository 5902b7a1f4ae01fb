package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One paper as every feed format writes it: its GUID is the arXiv abstract address (stable across
 * formats, versions and Paperboy hosts), its link the paper's page here, its text plain.
 */
record FeedItem(
    String id,
    String title,
    String link,
    String arxivLink,
    List<String> authors,
    String summary,
    List<String> categories,
    Instant published,
    Instant updated,
    long upvotes) {

  static FeedItem of(Paper p, Site site) {
    Instant published =
        p.published() != null
            ? p.published()
            : p.dailyDate() != null ? p.dailyDate().atStartOfDay(ZoneOffset.UTC).toInstant() : null;
    Instant updated =
        p.updated() != null && published != null && p.updated().isAfter(published)
            ? p.updated()
            : published;
    return new FeedItem(
        p.absUrl(),
        RichText.plain(p.title()),
        site.absolute("/papers/" + p.id()),
        p.absUrl(),
        p.authors(),
        RichText.plain(p.abstractText()),
        p.categories(),
        published == null ? Instant.EPOCH : published,
        updated == null ? Instant.EPOCH : updated,
        p.totalUpvotes());
  }

  /** The abstract followed by the paper's standing: what a feed reader shows as the body. */
  String text() {
    String votes = upvotes == 1 ? "1 upvote" : upvotes + " upvotes";
    String cats = categories.isEmpty() ? "" : " · " + String.join(", ", categories);
    return (summary.isEmpty() ? "" : summary + "\n\n") + votes + cats + " · arXiv: " + arxivLink;
  }
}
