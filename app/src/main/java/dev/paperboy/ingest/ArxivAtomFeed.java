package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import java.util.List;

/**
 * One answer of the arXiv API as Paperboy reads it: the papers in arXiv's order, arXiv's paging
 * numbers ({@code null} when the answer leaves them out), and the entries that could not become a
 * paper.
 *
 * @param totalResults how many papers match the whole query, on every page
 * @param startIndex where this page starts in those results
 * @param itemsPerPage the page size arXiv applied (the {@code max_results} asked for)
 */
public record ArxivAtomFeed(
    List<Paper> papers,
    Integer totalResults,
    Integer startIndex,
    Integer itemsPerPage,
    List<RejectedEntry> rejected) {

  /** An entry that is not a usable paper; {@code location} is "entry N" plus its id when known. */
  public record RejectedEntry(String reason, String location) {}

  public ArxivAtomFeed {
    papers = List.copyOf(papers);
    rejected = List.copyOf(rejected);
  }
}
