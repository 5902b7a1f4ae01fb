package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import java.util.regex.Pattern;

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

  /**
   * How arXiv comments say a paper was withdrawn: "This paper has been withdrawn by the author",
   * "Withdrawn by the author", "needs to be withdrawn because of copyright conflicts".
   */
  private static final Pattern WITHDRAWN = Pattern.compile("(?i)\\bwithdrawn\\b");

  /** True when an arXiv comments line says the paper was withdrawn. */
  static boolean withdrawn(String comment) {
    return comment != null && WITHDRAWN.matcher(comment).find();
  }
}
