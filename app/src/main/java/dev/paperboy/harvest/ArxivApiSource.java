package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivAtomFeed;
import dev.paperboy.paper.Paper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The papers arXiv's API has for some categories, submitted within a range of days (US Eastern), in
 * submission order so that paging by {@code start} is stable. Each paper joins the listing day
 * arXiv announced it on (from its first version's submission time).
 */
public final class ArxivApiSource implements HarvestSource {

  static final int PAGE_SIZE = 200;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private final ArxivApiClient client;
  private final String searchQuery;
  private final String query;
  private final int pageSize;

  ArxivApiSource(ArxivApiClient client, String searchQuery, String query, int pageSize) {
    this.client = client;
    this.searchQuery = searchQuery;
    this.query = query;
    this.pageSize = pageSize;
  }

  /** Papers in any of the categories, submitted from the first to the last day (inclusive). */
  public static ArxivApiSource forCategories(
      ArxivApiClient client, List<String> categories, LocalDate from, LocalDate until) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("name at least one category, such as cs.CL");
    }
    if (until.isBefore(from)) {
      throw new IllegalArgumentException("--until " + until + " is before --from " + from);
    }
    String cats =
        categories.stream().map(c -> "cat:" + c).reduce((a, b) -> a + " OR " + b).orElseThrow();
    return new ArxivApiSource(
        client,
        "("
            + cats
            + ") AND submittedDate:["
            + STAMP.format(from)
            + "0000 TO "
            + STAMP.format(until)
            + "2359]",
        "categories=" + String.join(",", categories) + " from=" + from + " until=" + until,
        PAGE_SIZE);
  }

  @Override
  public String name() {
    return "arxiv-api";
  }

  @Override
  public String query() {
    return query;
  }

  String searchQuery() {
    return searchQuery;
  }

  @Override
  public Page fetch(String cursor) {
    int start = cursor == null ? 0 : Integer.parseInt(cursor);
    ArxivAtomFeed feed = client.searchBySubmission(searchQuery, start, pageSize);
    List<Paper> papers = feed.papers().stream().map(ArxivApiSource::onListingDay).toList();
    int seen = start + feed.papers().size() + feed.rejected().size();
    boolean more =
        !feed.papers().isEmpty() && (feed.totalResults() == null || seen < feed.totalResults());
    return new Page(
        papers,
        feed.rejected().stream().map(r -> r.reason() + " at " + r.location()).toList(),
        more ? Integer.toString(seen) : null,
        feed.totalResults());
  }

  /** The paper on the day arXiv listed its first version. */
  static Paper onListingDay(Paper p) {
    if (p.published() == null) {
      return p;
    }
    return p.onDay(ArxivSchedule.listingDay(p.published()));
  }
}
