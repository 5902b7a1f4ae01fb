package dev.paperboy.harvest;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.schedule.Ticker;
import dev.paperboy.storage.Leases;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving process's harvest thread: every few minutes it runs what {@link DailySync} finds due.
 * Harvests are recorded page by page, so a restart resumes a cut-off one and never repeats a
 * finished one. With several nodes on one database, only the holder of the {@value #LEASE} lease
 * harvests.
 */
public final class HarvestScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);
  static final long TICK_MINUTES = 10;
  static final String LEASE = "harvest";

  private final DailySync sync;
  private final AutoCloseable clients;
  private final Ticker ticker;

  /**
   * @param clients closed with the scheduler (the HTTP clients the harvests use)
   */
  public HarvestScheduler(DailySync sync, AutoCloseable clients, Leases leases) {
    this.sync = sync;
    this.clients = clients;
    // a harvest in flight is interrupted on close, between pages or in a request; it resumes
    this.ticker = Ticker.oncePerCluster(LEASE, this::tick, true, leases);
  }

  /**
   * The scheduler of a serving process: arXiv's OAI-PMH interface for the configured categories and
   * Hugging Face's daily papers, at the configured endpoints, then arXiv's API for the categories
   * of papers that came without them.
   *
   * @param arxiv the process's one arXiv API client (its pace holds across callers); not closed
   *     here
   */
  public static HarvestScheduler create(
      Harvests harvests,
      PaperStore papers,
      ArxivApiClient arxiv,
      HarvestSettings settings,
      Clock clock,
      Leases leases) {
    OaiPmhClient oai = new OaiPmhClient(OaiPmhClient.defaults().withEndpoint(settings.oaiUrl()));
    HfDailyPapersClient hf = new HfDailyPapersClient(settings.hfUrl());
    DailySync sync =
        new DailySync(
            harvests,
            settings,
            (from, until) -> OaiSource.forCategories(oai, settings.categories(), from, until),
            (day, refreshed) -> new HfSource(hf, day, refreshed),
            ArxivBackfill.scheduled(arxiv, papers, clock),
            clock);
    return new HarvestScheduler(
        sync,
        () -> {
          oai.close();
          hf.close();
        },
        leases);
  }

  public void start() {
    ticker.start(Duration.ofMinutes(TICK_MINUTES));
  }

  /** Whether this node runs the cluster's harvests now. */
  public boolean harvestsHere() {
    return ticker.holdsLease();
  }

  void tick() {
    try {
      List<Harvests.Harvest> ran = sync.runDue(new PrintStream(OutputStream.nullOutputStream()));
      for (Harvests.Harvest h : ran) {
        log.info(
            "Harvested {} {}: {} records, {} new, {} updated, {} rejected",
            h.source(),
            h.query(),
            h.records(),
            h.created(),
            h.updated(),
            h.rejected());
      }
    } catch (RuntimeException e) {
      log.error("The scheduled harvest failed; the next tick tries again", e);
    }
  }

  @Override
  public void close() {
    ticker.close();
    try {
      clients.close();
    } catch (Exception e) {
      log.warn("Closing the harvest clients failed: {}", e.getMessage());
    }
  }
}
