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
 * used first out, so no run of distinct URLs can grow the cache past {@link #MAX_BYTES}.
 */
final class RenderCache {

  static final Duration LIFETIME = Duration.ofSeconds(60);
  static final long MAX_BYTES = 64L << 20;

  /** How long a request waits for another one rendering the same page before rendering it too. */
  private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(10);

  /** What a route made: its type and body. */
  record Rendered(String contentType, byte[] body) {

    static Rendered html(String page) {
      return new Rendered("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
  }

  record Entry(long version, Instant born, PreparedBody prepared) {

    long size() {
      return prepared.size() + 200L;
    }
  }

  private final ContentVersion versions;
  private final String anonymousToken;
  private final Clock clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, CompletableFuture<Entry>> rendering = new HashMap<>();
  private long bytes;

  RenderCache(ContentVersion versions, String anonymousToken, Clock clock) {
    this.versions = versions;
    this.anonymousToken = anonymousToken;
    this.clock = clock;
  }

  /** A page that shows the viewer (their votes, their name): shared only among signed-out ones. */
  void page(Context ctx, Supplier<String> render) {
    Viewer viewer = SessionGate.viewer(ctx);
    boolean shared = !viewer.signedIn() && anonymousToken.equals(viewer.csrfToken());
    send(ctx, shared, () -> Rendered.html(render.get()));
  }

  /** An answer that is the same for everyone who asks for this URL. */
  void everyone(Context ctx, Supplier<Rendered> render) {
    send(ctx, true, render);
  }

  private void send(Context ctx, boolean shared, Supplier<Rendered> render) {
    if (!shared || !ctx.method().name().equals("GET")) {
      Rendered r = render.get();
      ctx.contentType(r.contentType()).result(r.body());
      return;
    }
    cached(key(ctx), versions.current(), render).prepared().send(ctx, "no-cache");
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
    if (entry.size() > MAX_BYTES / 8) {
      return; // one huge answer may not push out everything else
    }
    entries.put(key, entry);
    bytes += entry.size();
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > MAX_BYTES && oldest.hasNext()) {
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
    return new Entry(version, clock.instant(), PreparedBody.of(r.contentType(), r.body(), true));
  }
}
