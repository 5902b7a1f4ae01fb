package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivException;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored papers without categories (Hugging Face's daily papers come without them, and often
 * without comments or a DOI) looked up on arXiv's API by id, a batch per request, the newest day
 * first. Each page is the papers with what they lacked filled in from arXiv (see {@link
 * Paper#filledFrom}), so it commits through the usual upsert and the search index follows. A paper
 * arXiv does not know is one of the page's rejected records and waits {@link #ASK_AGAIN_AFTER}
 * before it is asked about again. A round ends after {@code pagesPerRound} pages; the next round
 * goes on with what is left.
 */
public final class ArxivBackfill implements HarvestSource {

  /** How long a paper arXiv does not know waits before it is asked about again. */
  static final Duration ASK_AGAIN_AFTER = Duration.ofDays(7);

  /** A scheduled round's share: ten requests, half a minute of arXiv's time. */
  static final int PAGES_PER_ROUND = 10;

  private static final Logger log = LoggerFactory.getLogger(ArxivBackfill.class);

  private final ArxivApiClient client;
  private final PaperStore papers;
  private final Clock clock;
  private final int batchSize;
  private final int pagesPerRound;

  /**
   * @param batchSize ids per request, at most {@link ArxivApiClient#IDS_PER_REQUEST}
   * @param pagesPerRound requests before the round ends
   */
  public ArxivBackfill(
      ArxivApiClient client, PaperStore papers, Clock clock, int batchSize, int pagesPerRound) {
    if (batchSize < 1 || batchSize > ArxivApiClient.IDS_PER_REQUEST) {
      throw new IllegalArgumentException(
          "batch size must be 1.." + ArxivApiClient.IDS_PER_REQUEST + ": " + batchSize);
    }
    if (pagesPerRound < 1) {
      throw new IllegalArgumentException("pages per round must be at least 1: " + pagesPerRound);
    }
    this.client = client;
    this.papers = papers;
    this.clock = clock;
    this.batchSize = batchSize;
    this.pagesPerRound = pagesPerRound;
  }

  /** A scheduled round: full batches, {@value #PAGES_PER_ROUND} of them. */
  public static ArxivBackfill scheduled(ArxivApiClient client, PaperStore papers, Clock clock) {
    return new ArxivBackfill(
        client, papers, clock, ArxivApiClient.IDS_PER_REQUEST, PAGES_PER_ROUND);
  }

  /** A round that goes on until no paper waits (a command's: it can be stopped and run again). */
  public static ArxivBackfill untilDone(ArxivApiClient client, PaperStore papers, Clock clock) {
    return new ArxivBackfill(
        client, papers, clock, ArxivApiClient.IDS_PER_REQUEST, Integer.MAX_VALUE);
  }

  @Override
  public String name() {
    return "arxiv-backfill";
  }

  @Override
  public String query() {
    return "papers without categories";
  }

  /** Whether some paper waits to be asked about. */
  public boolean due() {
    return !waiting(1).isEmpty();
  }

  @Override
  public Page fetch(String cursor) {
    int page = cursor == null ? 0 : Integer.parseInt(cursor);
    List<Paper> wanted = waiting(batchSize);
    Map<String, Paper> found =
        lookup(wanted.stream().map(p -> new ArxivId(p.id(), 0)).toList()).stream()
            .filter(p -> !p.categories().isEmpty())
            .collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
    List<Paper> filled = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Paper p : wanted) {
      Paper arxiv = found.get(p.id());
      if (arxiv == null) {
        unknown.add(p.id());
      } else {
        filled.add(p.filledFrom(arxiv));
      }
    }
    papers.markUnknownToArxiv(unknown, clock.instant());
    log.info(
        "arXiv backfill: asked about {} papers without categories, {} found, {} unknown to arXiv",
        wanted.size(),
        filled.size(),
        unknown.size());
    boolean more = wanted.size() == batchSize && page + 1 < pagesPerRound;
    return new Page(
        filled,
        unknown.stream().map(id -> "unknown to arXiv: " + id).toList(),
        more ? Integer.toString(page + 1) : null,
        null);
  }

  private List<Paper> waiting(int limit) {
    return papers.withoutCategories(clock.instant().minus(ASK_AGAIN_AFTER), limit);
  }

  /**
   * arXiv's records of these ids. A batch arXiv refuses (one id it finds malformed refuses them
   * all) is asked again in halves, so that only the refused id goes without.
   */
  private List<Paper> lookup(List<ArxivId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    try {
      return client.lookup(ids);
    } catch (ArxivException.Refused e) {
      if (ids.size() == 1) {
        log.warn("arXiv backfill: arXiv refused {}: {}", ids.get(0).id(), e.getMessage());
        return List.of();
      }
      List<Paper> out = new ArrayList<>(lookup(ids.subList(0, ids.size() / 2)));
      out.addAll(lookup(ids.subList(ids.size() / 2, ids.size())));
      return out;
    }
  }
}
