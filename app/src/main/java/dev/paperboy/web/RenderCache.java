package dev.paperboy.web;

import dev.paperboy.paper.ContentVersion;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Feeds and their API answers, rendered once per change of what they show and then served from
 * memory, already compressed, to everyone who sees the same page: signed-out readers (every one of
 * them carries the same {@link SessionGate#anonymousToken() form token}) and, for the JSON API,
 * everyone. A signed-in reader's page shows their own votes and is rendered for them alone.
 *
 * <p>An entry holds the {@link ContentVersion} it was rendered at and is stale once that moved (a
 * vote, a comment, an import on any node) or after {@link #LIFETIME} (relative times such as "3
 * minutes ago" and this node's thumbnails change without it). Each answer carries a weak ETag of
 * its bytes; a client that sends it back gets a 304. Entries are bounded in bytes, least recently
 * used first out, so no run of distinct URLs can grow the cache past its budget ({@link
 * #FEED_BYTES} for feeds and pages, {@link #SEARCH_BYTES} for searches, in a cache of their own so
 * that a run of new queries cannot push the feeds out).
 */
final class RenderCache {

  static final Duration LIFETIME = Duration.ofSeconds(60);
  static final long FEED_BYTES = 64L << 20;

  /** About 140 answers of 50 papers, each held plain and compressed both ways (~230 KB). */
  static final long SEARCH_BYTES = 32L << 20;

  /** How many URLs asked for once a cache that keeps only what is asked again remembers. */
  private static final int ASKED_ONCE = 10_000;

  /** How long a request waits for another one rendering the same page before rendering it too. */
  private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(10);

  /**
   * What a route made: its type, body and headers of its own; {@code quick} for an answer that may
   * well be asked for once (a search), compressed as fast as a per-request answer; and the body's
   * gzip when the route made it already ({@link PaperPieces}), or null.
   */
  record Rendered(
      String contentType, byte[] body, Map<String, String> headers, boolean quick, byte[] gzip) {

    Rendered(String contentType, byte[] body) {
      this(contentType, body, Map.of(), false, null);
    }

    static Rendered html(String page) {
      return new Rendered("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** The same answer, compressed fast and with these headers. */
    Rendered quick(Map<String, String> headers) {
      return new Rendered(contentType, body, Map.copyOf(headers), true, gzip);
    }
  }

  record Entry(long version, Instant born, PreparedBody prepared, Map<String, String> headers) {

    long size() {
      long size = prepared.size() + 200L;
      for (Map.Entry<String, String> h : headers.entrySet()) {
        size += h.getKey().length() + h.getValue().length();
      }
      return size;
    }

    void send(Context ctx) {
      headers.forEach(ctx::header);
      prepared.send(ctx, "no-cache");
    }
  }

  private final ContentVersion versions;
  private final String anonymousToken;
  private final Clock clock;
  private final long maxBytes;
  private final boolean keepOnlyAskedAgain;
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<Integer, Boolean> askedOnce =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
          return size() > ASKED_ONCE;
        }
      };
  private final Map<String, CompletableFuture<Entry>> rendering = new HashMap<>();
  private long bytes;

  /**
   * A cache of {@code maxBytes}; with {@code keepOnlyAskedAgain} it keeps an answer only once its
   * URL is asked for a second time (among the last {@value #ASKED_ONCE} new ones). A search asked
   * once is the common case, and keeping each one cost memory for nothing: 16 connections of new
   * queries at 270K papers pushed serve's RSS from 380 to 844 MB (entries of ~230 KB churned
   * through the old generation) and compressed every answer twice.
   */
  RenderCache(
      ContentVersion versions,
      String anonymousToken,
      Clock clock,
      long maxBytes,
      boolean keepOnlyAskedAgain) {
    this.versions = versions;
    this.anonymousToken = anonymousToken;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.keepOnlyAskedAgain = keepOnlyAskedAgain;
  }

  /** A page that shows the viewer (their votes, their name): shared only among signed-out ones. */
  void page(Context ctx, Supplier<String> render) {
    page(ctx, false, render);
  }

  /** A page that shows the viewer; {@code quick} as in {@link Rendered}. */
  void page(Context ctx, boolean quick, Supplier<String> render) {
    Viewer viewer = SessionGate.viewer(ctx);
    boolean shared = !viewer.signedIn() && anonymousToken.equals(viewer.csrfToken());
    send(
        ctx,
        shared,
        () -> {
          Rendered html = Rendered.html(render.get());
          return quick ? html.quick(Map.of()) : html;
        });
  }

  /** An answer that is the same for everyone who asks for this URL. */
  void everyone(Context ctx, Supplier<Rendered> render) {
    send(ctx, true, render);
  }

  private void send(Context ctx, boolean shared, Supplier<Rendered> render) {
    String key = shared && ctx.method().name().equals("GET") ? key(ctx) : null;
    if (key == null || (keepOnlyAskedAgain && firstAsk(key))) {
      sendOnce(ctx, render.get());
      return;
    }
    cached(key, versions.current(), render).send(ctx);
  }

  /**
   * Sends an answer made for this request alone: its own gzip when it has one and the client takes
   * gzip, else its bytes, which Javalin compresses as it sees fit.
   */
  static void sendOnce(Context ctx, Rendered r) {
    r.headers().forEach(ctx::header);
    ctx.contentType(r.contentType());
    if (r.gzip() != null) {
      ctx.header("Vary", "Accept-Encoding");
    }
    if (!PreparedBody.sentGzip(ctx, r.gzip())) {
      ctx.result(r.body());
    }
  }

  /** True the first time {@code key} is asked for (as far as this cache remembers). */
  private synchronized boolean firstAsk(String key) {
    if (entries.containsKey(key) || rendering.containsKey(key)) {
      return false;
    }
    // a hash is enough: two URLs that share one only get the second kept a request early
    if (askedOnce.remove(key.hashCode()) != null) {
      return false; // asked again: kept from now on
    }
    askedOnce.put(key.hashCode(), true);
    return true;
  }

  /** The entry for {@code key} at {@code version}: cached, or rendered by one request at a time. */
  Entry cached(String key, long version, Supplier<Rendered> render) {
    Claim claim = claim(key, version);
    if (claim.mine() != null) {
      return render(key, version, render, claim.mine());
    }
    return claim.entry() != null ? claim.entry() : awaitOther(claim.other(), version, render);
  }

  /**
   * What a request for {@code key} does: send {@code entry} (fresh, or of this version but past its
   * lifetime while another request renders it again), render it itself ({@code mine}), or wait for
   * the request already rendering it ({@code other}). One request renders a page at a time: when an
   * entry expired under load, every concurrent reader rendered the same 100-paper answer at once,
   * and the p99 of that window went from 6 to 84 ms.
   */
  private record Claim(
      Entry entry, CompletableFuture<Entry> mine, CompletableFuture<Entry> other) {}

  private synchronized Claim claim(String key, long version) {
    Entry e = entries.get(key);
    boolean sameVersion = e != null && e.version() == version;
    if (sameVersion && !clock.instant().isAfter(e.born().plus(LIFETIME))) {
      return new Claim(e, null, null);
    }
    CompletableFuture<Entry> running = rendering.get(key);
    if (running != null) {
      // only relative times have aged in an entry of this version: it may be sent meanwhile
      return new Claim(sameVersion ? e : null, null, running);
    }
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    rendering.put(key, mine);
    return new Claim(null, mine, null);
  }

  private Entry render(
      String key, long version, Supplier<Rendered> render, CompletableFuture<Entry> mine) {
    try {
      Entry entry = prepare(version, render.get());
      synchronized (this) {
        put(key, entry);
        rendering.remove(key);
      }
      mine.complete(entry);
      return entry;
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        rendering.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The other request's rendering, or this request's own if that failed or takes too long. */
  private Entry awaitOther(
      CompletableFuture<Entry> other, long version, Supplier<Rendered> render) {
    try {
      return other.get(WAIT_FOR_OTHER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a page being rendered", e);
    } catch (ExecutionException | TimeoutException e) {
      return prepare(version, render.get());
    }
  }

  private static String key(Context ctx) {
    String query = ctx.queryString();
    return ctx.path() + (query == null ? "" : "?" + query) + " " + Theme.of(ctx);
  }

  private void put(String key, Entry entry) {
    remove(key);
    if (entry.size() > maxBytes / 8) {
      return; // one huge answer may not push out everything else
    }
    entries.put(key, entry);
    bytes += entry.size();
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().size();
      oldest.remove();
    }
  }

  private void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= old.size();
    }
  }

  private Entry prepare(long version, Rendered r) {
    return new Entry(
        version,
        clock.instant(),
        PreparedBody.of(r.contentType(), r.body(), true, r.quick(), r.gzip()),
        r.headers());
  }
}
