package dev.paperboy.thumbnail;

import dev.paperboy.harvest.ImageClient;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.paper.PaperThumbnails;
import dev.paperboy.paper.PaperThumbnails.Wanted;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the thumbnail fetcher: walks the papers with a thumbnail address, newest day first,
 * and fetches the ones this node has not cached, until the images seen fill the cache (less room
 * for one more) or the run's quota is spent. The images it saw then count as used, the newest
 * paper's last, so the cache's least-recently-used eviction removes images that fell out of that
 * window (and among those the least viewed) before the older ones in it, and a full cache does not
 * evict what the next run would fetch again. An address from a host not allowed, a 3xx or 4xx, an
 * answer that is not a PNG, JPEG or WebP image or is too large is counted and stored as refused,
 * and no node asks again for {@link ThumbnailSettings#retryAfter}; a host that does not answer ends
 * the run, to be tried at the next.
 */
public final class ThumbnailJob implements Runnable {

  /** Why a thumbnail was not stored. */
  public enum Refusal {
    HOST_NOT_ALLOWED,
    REFUSED,
    TOO_LARGE,
    NOT_AN_IMAGE
  }

  /** What runs have done so far. */
  public record Counts(long fetched, Map<Refusal, Long> refused, long unavailable) {
    public long refusedInAll() {
      return refused.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ThumbnailJob.class);
  private static final int PAGE = 200;

  private final PaperThumbnails papers;
  private final ThumbnailCache cache;
  private final ImageClient client;
  private final ThumbnailSettings settings;
  private final InstantSource clock;
  private final Map<Refusal, Long> refused = new EnumMap<>(Refusal.class); // guarded by this
  private long fetched; // guarded by this
  private long unavailable; // guarded by this

  public ThumbnailJob(
      PaperThumbnails papers,
      ThumbnailCache cache,
      ImageClient client,
      ThumbnailSettings settings,
      InstantSource clock) {
    this.papers = papers;
    this.cache = cache;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  public synchronized Counts counts() {
    return new Counts(fetched, Map.copyOf(refused), unavailable);
  }

  @Override
  public void run() {
    try {
      int tried = walk();
      if (tried > 0) {
        log.info(
            "Thumbnails: {} tried this run; {} cached ({} of {} MB); so far {}",
            tried,
            cache.count(),
            cache.size() >> 20,
            cache.cap() >> 20,
            counts());
      }
    } catch (RuntimeException e) {
      log.error("The thumbnail run failed; the next one tries again", e);
    }
  }

  /** The run itself; returns how many thumbnails it asked for. */
  int walk() {
    List<String> window = new ArrayList<>();
    try {
      return walk(window);
    } finally {
      cache.used(window.reversed());
    }
  }

  /** Walks until the cache is full, the quota spent or the host gone; notes the images seen. */
  private int walk(List<String> window) {
    long room = cache.cap() - settings.maxFileBytes();
    long seen = 0;
    int tried = 0;
    Wanted after = null;
    Instant retryBefore = clock.instant().minus(settings.retryAfter());
    while (true) {
      List<Wanted> page = papers.newestFirst(retryBefore, after, PAGE);
      if (page.isEmpty()) {
        return tried;
      }
      for (Wanted w : page) {
        after = w;
        Optional<ThumbnailCache.Entry> have = cache.find(w.id());
        if (have.isEmpty()) {
          if (tried >= settings.perTick()) {
            return tried;
          }
          tried++;
          if (!fetch(w)) {
            return tried;
          }
          have = cache.find(w.id());
        }
        if (have.isPresent()) {
          window.add(w.id());
          seen += have.get().size();
        }
        if (seen > room) {
          return tried;
        }
      }
    }
  }

  /** Fetches and stores one thumbnail; false when the host did not answer. */
  private boolean fetch(Wanted w) {
    URI uri;
    try {
      uri = new URI(w.url());
    } catch (java.net.URISyntaxException e) {
      refuse(w, Refusal.HOST_NOT_ALLOWED, "not an address: " + w.url());
      return true;
    }
    if (!settings.allows(uri)) {
      refuse(w, Refusal.HOST_NOT_ALLOWED, "not from " + String.join(", ", settings.origins()));
      return true;
    }
    byte[] body;
    try {
      body = client.get(uri, "the thumbnail of " + w.id());
    } catch (ArxivException.Refused e) {
      refuse(w, Refusal.REFUSED, e.arxivMessage());
      return true;
    } catch (ImageClient.TooLarge e) {
      refuse(w, Refusal.TOO_LARGE, e.getMessage());
      return true;
    } catch (ArxivException.Unavailable e) {
      synchronized (this) {
        unavailable++;
      }
      log.warn("Thumbnails paused until the next run: {}", e.getMessage());
      return false;
    }
    if (body.length > settings.maxFileBytes()) {
      refuse(w, Refusal.TOO_LARGE, body.length + " bytes");
      return true;
    }
    Optional<ImageType> type = ImageType.of(body);
    if (type.isEmpty()) {
      refuse(w, Refusal.NOT_AN_IMAGE, "not a PNG, JPEG or WebP image");
      return true;
    }
    cache.put(w.id(), type.get(), body);
    synchronized (this) {
      fetched++;
    }
    return true;
  }

  private void refuse(Wanted w, Refusal why, String detail) {
    synchronized (this) {
      refused.merge(why, 1L, Long::sum);
    }
    log.info("Thumbnail of {} refused ({}): {}", w.id(), why, detail);
    papers.refused(w.id(), why + ": " + detail, clock.instant());
  }
}
