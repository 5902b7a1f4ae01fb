package dev.paperboy.web;

import dev.paperboy.paper.ContentVersion;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** What a route made: its type and body. */
  record Rendered(String contentType, byte[] body) {

    static Rendered html(String page) {
      return new Rendered("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
  }

  private record Entry(long version, long bornNanos, PreparedBody prepared) {

    long size() {
      return prepared.size() + 200L;
    }
  }

  private final ContentVersion versions;
  private final String anonymousToken;
  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  RenderCache(ContentVersion versions, String anonymousToken) {
    this.versions = versions;
    this.anonymousToken = anonymousToken;
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
    String key = key(ctx);
    long version = versions.current();
    Entry entry = fresh(key, version);
    if (entry == null) {
      entry = entry(version, render.get());
      put(key, entry);
    }
    entry.prepared().send(ctx, "no-cache");
  }

  private static String key(Context ctx) {
    String query = ctx.queryString();
    return ctx.path() + (query == null ? "" : "?" + query) + " " + Theme.of(ctx);
  }

  private synchronized Entry fresh(String key, long version) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (e.version() != version || System.nanoTime() - e.bornNanos() > LIFETIME.toNanos()) {
      remove(key);
      return null;
    }
    return e;
  }

  private synchronized void put(String key, Entry entry) {
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

  private static Entry entry(long version, Rendered r) {
    return new Entry(version, System.nanoTime(), PreparedBody.of(r.contentType(), r.body(), true));
  }
}
