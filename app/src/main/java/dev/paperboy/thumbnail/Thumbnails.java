package dev.paperboy.thumbnail;

import dev.paperboy.harvest.ImageClient;
import dev.paperboy.paper.PaperThumbnails;
import dev.paperboy.schedule.Ticker;
import dev.paperboy.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A node's thumbnails: its cache, and the job that fills it. Every node keeps its own cache in its
 * own data directory and serves only from it, so the job runs on every node (no lease); what the
 * nodes share is the database's note of refused thumbnails, so one node's 404 spares the others.
 */
public final class Thumbnails implements AutoCloseable {

  /** How often a node looks for thumbnails it lacks (a new day brings a few dozen). */
  static final Duration EVERY = Duration.ofMinutes(10);

  private final ThumbnailCache cache;
  private final ThumbnailJob job;
  private final ImageClient client;
  private final Ticker ticker;
  private final boolean fetch;

  public Thumbnails(
      ThumbnailCache cache, ThumbnailJob job, ImageClient client, ThumbnailSettings settings) {
    this.cache = cache;
    this.job = job;
    this.client = client;
    this.fetch = settings.fetch();
    // a run stops between two fetches or in one; the next starts where the walk finds a gap
    this.ticker = new Ticker("thumbnails", job, true);
  }

  /** The thumbnails of a serving node, kept in {@code dir}. */
  public static Thumbnails create(
      Database db, ThumbnailSettings settings, Path dir, InstantSource clock) {
    ThumbnailCache cache = new ThumbnailCache(dir, settings.cacheBytes(), clock);
    ImageClient client = new ImageClient(settings.maxFileBytes());
    ThumbnailJob job = new ThumbnailJob(new PaperThumbnails(db), cache, client, settings, clock);
    return new Thumbnails(cache, job, client, settings);
  }

  /** Starts fetching, when the settings say this node fetches. */
  public void start() {
    if (fetch) {
      ticker.start(EVERY);
    }
  }

  /** Looks for missing thumbnails now (after a harvest brought new papers). */
  public void wake() {
    ticker.wake();
  }

  /** The cached image of a paper, if this node has it. */
  public Optional<ThumbnailCache.Entry> find(String id) {
    return cache.find(id);
  }

  /** The image's bytes, counting as a use of it. */
  public Optional<byte[]> read(ThumbnailCache.Entry entry) {
    return cache.read(entry);
  }

  public ThumbnailCache cache() {
    return cache;
  }

  /** This node's cache and what its fetcher did since the process started. */
  public record Status(
      int cached, long bytes, long cap, boolean fetching, ThumbnailJob.Counts counts) {}

  public Status status() {
    return new Status(cache.count(), cache.size(), cache.cap(), fetch, job.counts());
  }

  @Override
  public void close() {
    ticker.close();
    client.close();
  }
}
