package dev.paperboy.harvest;

import dev.paperboy.paper.Paper;
import java.util.List;

/**
 * Where a harvest pages from: arXiv's API, its OAI-PMH interface or Hugging Face. A page is asked
 * for with the cursor the previous page returned (null for the first), so a harvest can stop after
 * any page and go on later from the cursor it committed.
 */
public interface HarvestSource {

  /** One page: its papers, records it could not use, and the cursor to the next page or null. */
  record Page(List<Paper> papers, List<String> rejected, String nextCursor, Integer total) {
    public Page {
      papers = List.copyOf(papers);
      rejected = List.copyOf(rejected);
    }
  }

  /** The source's name in the harvest table and in status: "arxiv-api", "arxiv-oai", "hf". */
  String name();

  /** The harvest's parameters in a canonical form; the same parameters resume the same harvest. */
  String query();

  /**
   * Fetches the page at {@code cursor}.
   *
   * @throws RuntimeException when the source cannot be reached; the harvest stays resumable
   */
  Page fetch(String cursor);
}
