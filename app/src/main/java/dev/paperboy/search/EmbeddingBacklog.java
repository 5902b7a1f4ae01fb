package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.schedule.Ticker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives papers their vectors: claims a batch of papers without one (so several nodes share the
 * backlog and each paper is embedded once), embeds them and stores the vectors, which logs the
 * change so every node's index picks them up.
 */
public final class EmbeddingBacklog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddingBacklog.class);

  /** Papers claimed at a time: a few seconds of work, so a dying node strands little. */
  private static final int CLAIM = 128;

  /**
   * Papers handed to the model at once; when it batches (see OnnxEmbedders.MAX_BATCH) it sorts them
   * by length, so the more it sees the less it pads.
   */
  private static final int EMBED_BATCH = 64;

  /** A claim this old belongs to a node that stopped; another node takes the papers over. */
  static final Duration CLAIM_LAPSES = Duration.ofMinutes(10);

  private final EmbeddingModel model;
  private final PaperStore store;
  private final PaperVectors vectors;
  private final String node;
  private final int claim;
  private final Ticker ticker;
  private final AtomicLong embeddedHere = new AtomicLong();
  private volatile boolean closing;

  /**
   * @param node this process's name, recorded with its claims
   */
  public EmbeddingBacklog(
      EmbeddingModel model, PaperStore store, PaperVectors vectors, String node) {
    this(model, store, vectors, node, CLAIM);
  }

  /** A backlog that claims {@code claim} papers at a time. */
  EmbeddingBacklog(
      EmbeddingModel model, PaperStore store, PaperVectors vectors, String node, int claim) {
    this.claim = claim;
    this.model = model;
    this.store = store;
    this.vectors = vectors;
    this.node = node;
    this.ticker = new Ticker("embedding-backlog", this::round, false);
  }

  /**
   * How often an idle backlog looks for papers without vectors. Each look counts papers and
   * vectors; only a non-empty backlog pays for the scan that finds which papers lack one.
   */
  static final Duration LOOK_EVERY = Duration.ofSeconds(5);

  /** Loads the model and works through the backlog, looking again every {@link #LOOK_EVERY}. */
  public void start() {
    ticker.start(LOOK_EVERY);
  }

  private void round() {
    try {
      long n = embed(Long.MAX_VALUE, null);
      if (n > 0) {
        log.info("Embedded {} papers; search by meaning covers them now", n);
      }
    } catch (RuntimeException e) {
      log.error("Embedding the backlog failed; will retry", e);
    }
  }

  /**
   * Embeds up to {@code max} papers that have no vector yet and stores their vectors; returns how
   * many it embedded (0 when the backlog is empty or there is no model).
   */
  public long embed(long max, PrintStream progress) {
    Embedder e = model.load().orElse(null);
    if (e == null) {
      return 0;
    }
    int total = vectors.count(e.model());
    int papers = store.countAll();
    if (total >= papers) {
      return 0; // nothing to embed: skip the scan for papers without a vector
    }
    long done = 0;
    long started = System.nanoTime();
    while (done < max && !closing) {
      List<String> claimed =
          vectors.claimMissing(e.model(), node, (int) Math.min(claim, max - done), CLAIM_LAPSES);
      if (claimed.isEmpty()) {
        break;
      }
      int i = 0;
      for (; i < claimed.size() && !closing; i += EMBED_BATCH) {
        List<Paper> batch =
            store.findAll(claimed.subList(i, Math.min(claimed.size(), i + EMBED_BATCH)));
        List<float[]> found =
            e.embedPassages(batch.stream().map(EmbeddingBacklog::passage).toList());
        Map<String, float[]> embedded = new LinkedHashMap<>();
        for (int k = 0; k < batch.size(); k++) {
          embedded.put(batch.get(k).id(), found.get(k));
        }
        vectors.save(e.model(), embedded);
        done += batch.size();
        embeddedHere.addAndGet(batch.size());
        if (progress != null) {
          double s = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
          progress.printf(
              Locale.ROOT,
              "embed: %,d papers (%,.1f/s), %,d of %,d have vectors%n",
              done,
              done / s,
              total + done,
              papers);
        }
      }
      if (i < claimed.size()) {
        vectors.release(e.model(), claimed.subList(i, claimed.size()));
      }
    }
    return done;
  }

  /**
   * The text a paper is embedded as: its title and abstract. Everything that embeds papers uses
   * this, so their vectors compare.
   */
  public static String passage(Paper p) {
    return p.title() + ". " + p.abstractText();
  }

  /** Papers without a vector for the configured model yet (0 without a model). */
  public long size() {
    return model.configured() ? Math.max(0, store.countAll() - vectors.count(model.name())) : 0;
  }

  /** Papers this process has embedded since it started. */
  public long embeddedHere() {
    return embeddedHere.get();
  }

  /** Stops after the current batch; its claims lapse or are taken up again on the next start. */
  @Override
  public void close() {
    closing = true;
    ticker.close();
  }
}
