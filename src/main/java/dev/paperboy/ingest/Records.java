package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;

/** Validation every source applies to the fields a paper cannot do without. */
final class Records {

  private Records() {}

  static ArxivId id(String raw) throws BadRecord {
    if (raw == null) {
      throw new BadRecord("missing id");
    }
    return ArxivId.parse(raw).orElseThrow(() -> new BadRecord("invalid arXiv id"));
  }

  static String title(String title) throws BadRecord {
    if (title == null) {
      throw new BadRecord("missing title");
    }
    return title;
  }
}
