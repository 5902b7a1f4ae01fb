package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One answer of arXiv's OAI-PMH interface as Paperboy reads it: the papers in arXiv's order, the
 * records arXiv reports deleted, the records that could not become a paper, and where the list goes
 * on.
 *
 * @param resumptionToken how to ask for the next page; {@code null} when the answer carried none
 */
public record OaiPmhPage(
    List<Paper> papers,
    List<DeletedRecord> deleted,
    List<RejectedRecord> rejected,
    ResumptionToken resumptionToken) {

  /** A record whose header says status="deleted": arXiv no longer has it. */
  public record DeletedRecord(String id, LocalDate datestamp) {}

  /**
   * A record that is not a usable paper; {@code location} is "record N" plus its OAI identifier
   * when known.
   */
  public record RejectedRecord(String reason, String location) {}

  /**
   * Where a list goes on. arXiv's old interface gave {@code cursor} and {@code completeListSize},
   * its newer one an expiry; absent values are {@code null}.
   *
   * @param value what to send as {@code resumptionToken}; empty on the last page of a list
   */
  public record ResumptionToken(
      String value, Integer cursor, Integer completeListSize, Instant expirationDate) {

    public ResumptionToken {
      value = value == null ? "" : value;
    }

    /** True on the last page: there is nothing more to ask for. */
    public boolean complete() {
      return value.isEmpty();
    }
  }

  public OaiPmhPage {
    papers = List.copyOf(papers);
    deleted = List.copyOf(deleted);
    rejected = List.copyOf(rejected);
  }

  /** What noRecordsMatch means: nothing in the window, and nothing more to ask for. */
  static OaiPmhPage empty() {
    return new OaiPmhPage(List.of(), List.of(), List.of(), null);
  }

  /** True when this page ends the list, so that there is no page to resume with. */
  public boolean complete() {
    return resumptionToken == null || resumptionToken.complete();
  }
}
