package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.TestPapers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds rendered once and served to every signed-out reader: what they get must still be the page
 * as it is now, and a signed-in reader's page must still be their own.
 */
class RenderCacheTest {

  static final String DAY = "/papers/date/2026-08-21";
  static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  static App app;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static String etag(HttpResponse<byte[]> r) {
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
  }

  /** The upvote count on the first card of the page that shows the paper. */
  static int shownUpvotes(String html, String id) {
    Matcher m =
        Pattern.compile(
                "data-paper-id=\"" + Pattern.quote(id) + "\".*?<span class=\"count\">(\\d+)</span>",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(m.find(), "no card of " + id);
    return Integer.parseInt(m.group(1));
  }

  static String firstPaper(String html) {
    Matcher m = FeedPagesTest.CARD.matcher(html);
    assertTrue(m.find(), "the page shows no paper");
    return m.group(1);
  }

  @Test
  void aSignedOutReaderGetsTheSameBytesWithAnETagAndA304ForTheirCopy() throws Exception {
    HttpResponse<byte[]> first = get(DAY);
    HttpResponse<byte[]> second = get(DAY);
    assertEquals(200, first.statusCode());
    assertFalse(FeedPagesTest.cards(text(first)).isEmpty());
    assertEquals(etag(first), etag(second));
    assertEquals(text(first), text(second));

    HttpResponse<byte[]> again = get(DAY, "If-None-Match", etag(first));
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(200, get(DAY, "If-None-Match", "W/\"not-this-one\"").statusCode());
  }

  @Test
  void aClientThatAcceptsGzipGetsTheSamePageCompressed() throws Exception {
    HttpResponse<byte[]> plain = get(DAY);
    HttpResponse<byte[]> packed = get(DAY, "Accept-Encoding", "gzip");
    assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(packed.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
    assertTrue(packed.body().length * 3 < plain.body().length, "gzip should shrink HTML 3x");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed.body()))) {
      assertEquals(text(plain), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> refused = get(DAY, "Accept-Encoding", "identity");
    assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
  }

  @Test
  void aVoteShowsAtOnceOnTheSharedPageAndTheVoterSeesTheirOwnVote() throws Exception {
    String before = text(get(DAY));
    String id = firstPaper(before);
    int count = shownUpvotes(before, id);
    String oldTag = etag(get(DAY));

    WebClient voter = WebClient.signedIn(app, "cache-voter", PASSWORD);
    assertEquals(303, voter.post("/papers/" + id + "/vote", "back", DAY).statusCode());

    String after = text(get(DAY));
    assertEquals(count + 1, shownUpvotes(after, id));
    assertNotEquals(oldTag, etag(get(DAY)));
    assertFalse(after.contains("class=\"votes upvoted\""), "a stranger sees no vote as theirs");
    String theirs = voter.get(DAY).body();
    assertTrue(theirs.contains("class=\"votes upvoted\" aria-pressed=\"true\""));
    assertTrue(theirs.contains("cache-voter"), "the header names who is signed in");
  }

  @Test
  void aCommentAndItsEditShowAtOnceOnThePapersSharedPage() throws Exception {
    String id = firstPaper(text(get(DAY)));
    String page = "/papers/" + id;
    String before = text(get(page));
    assertEquals(text(get(page)), before, "the shared page, twice");
    assertFalse(before.contains("Cached pages must not hide this"));

    WebClient writer = WebClient.signedIn(app, "cache-writer", PASSWORD);
    assertEquals(
        303,
        writer.post(page + "/comments", "body", "Cached pages must not hide this").statusCode());
    String after = text(get(page));
    assertTrue(after.contains("Cached pages must not hide this"), "the new comment is shown");

    Matcher m = Pattern.compile("/comments/(\\d+)/edit").matcher(writer.get(page).body());
    assertTrue(m.find(), "the author sees an edit form");
    assertEquals(
        303,
        writer
            .post("/comments/" + m.group(1) + "/edit", "body", "Edited, and shown edited")
            .statusCode());
    assertTrue(text(get(page)).contains("Edited, and shown edited"), "the edit is shown");
  }

  @Test
  void theApiAnswerFollowsVotesToo() throws Exception {
    String api = "/api/daily_papers?date=2026-08-21";
    HttpResponse<byte[]> first = get(api);
    assertEquals(200, first.statusCode());
    assertTrue(first.headers().firstValue("Content-Type").orElse("").contains("json"));
    assertEquals(304, get(api, "If-None-Match", etag(first)).statusCode());
    String id = firstPaper(text(get(DAY)));

    WebClient voter = WebClient.signedIn(app, "api-voter", PASSWORD);
    assertEquals(303, voter.post("/papers/" + id + "/vote", "back", DAY).statusCode());

    HttpResponse<byte[]> after = get(api, "If-None-Match", etag(first));
    assertEquals(200, after.statusCode(), "the old copy is stale after a vote");
  }

  /**
   * A search answer is cached with its headers, and a paper is found as soon as the index holds it:
   * the database moved before the index did, so an answer cached in between must not outlive the
   * index catching up.
   */
  @Test
  void aCachedSearchAnswerKeepsItsHeadersAndFindsAPaperOnceItIsIndexed() throws Exception {
    String api = "/api/papers/search?q=zebrafish+locomotion";
    String page = "/search?q=zebrafish+locomotion";
    HttpResponse<byte[]> once = get(api);
    assertEquals(200, once.statusCode());
    assertEquals("[]", text(once));
    assertTrue(once.headers().firstValue("ETag").isEmpty(), "a query asked once is not kept");
    HttpResponse<byte[]> none = get(api);
    assertEquals("[]", text(none));
    HttpResponse<byte[]> again = get(api);
    assertEquals("0", again.headers().firstValue("X-Total-Count").orElse(""), "kept header");
    assertEquals(etag(none), etag(again));
    assertEquals(304, get(api, "If-None-Match", etag(none)).statusCode());
    assertFalse(text(get(page)).contains("2608.77777"));
    assertFalse(text(get(page)).contains("2608.77777"), "the page, kept");

    app.papers()
        .upsert(List.of(TestPapers.listing("2608.77777", 1, "Zebrafish locomotion from video")));
    get(api); // the database has the paper, the index (most likely) not yet
    get(page);
    app.search().follower().catchUp(null);

    HttpResponse<byte[]> found = get(api);
    assertEquals("1", found.headers().firstValue("X-Total-Count").orElse(""));
    assertTrue(text(found).contains("\"2608.77777\""), text(found));
    assertTrue(text(get(page)).contains("2608.77777"), "the signed-out search page finds it too");
  }

  @Test
  void theSharedFormTokenIsWorthlessWithoutItsCookie() throws Exception {
    HttpResponse<byte[]> page = get(DAY);
    Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(text(page));
    assertTrue(m.find(), "the page carries a form token");
    String token = m.group(1);
    // a forged cross-site form: the token is the one every signed-out visitor shares, but the
    // browser sends no SameSite cookie with it
    HttpResponse<String> forged =
        new WebClient(base)
            .postRaw(
                "/signin",
                WebClient.form("_csrf", token, "email", "a@example.org", "password", "x"),
                Map.of());
    assertEquals(403, forged.statusCode());
  }

  @Test
  void aSignedOutReadersThemeIsPartOfWhatIsShared() throws Exception {
    String dark = text(get(DAY, "Cookie", "pb_theme=dark"));
    String plain = text(get(DAY));
    assertTrue(dark.contains("data-theme=\"dark\""), "the dark page");
    assertFalse(plain.contains("data-theme=\"dark\""), "the default page");
  }

  /**
   * Readers arriving together at a page nobody has rendered yet get one rendering between them;
   * once it has aged past its lifetime (same content version), one of them renders it again while
   * the others are sent the aged copy at once; a new content version is waited for, never the old
   * one.
   */
  @Test
  void concurrentReadersRenderAPageOnceAndAreNotHeldUpByItsRefresh() throws Exception {
    TestClock clock = TestClock.at("2026-08-21T12:00:00Z");
    RenderCache cache = new RenderCache(null, "token", clock, RenderCache.FEED_BYTES, false);
    int readers = 16;
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch asked = new CountDownLatch(readers);
    Supplier<RenderCache.Rendered> slow =
        () -> {
          int n = renders.incrementAndGet();
          await(asked); // the rendering lasts until every reader has asked for the page
          return new RenderCache.Rendered(
              "text/plain", ("rendering " + n).getBytes(StandardCharsets.UTF_8));
        };
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<RenderCache.Entry>> cold = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        cold.add(
            pool.submit(
                () -> {
                  asked.countDown();
                  return cache.cached("/week", 1, slow);
                }));
      }
      RenderCache.Entry first = cold.get(0).get(10, TimeUnit.SECONDS);
      for (Future<RenderCache.Entry> f : cold) {
        assertSame(first, f.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, renders.get());

      clock.advance(RenderCache.LIFETIME.plusSeconds(1));
      CountDownLatch refreshing = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      Future<RenderCache.Entry> refresh =
          pool.submit(
              () ->
                  cache.cached(
                      "/week",
                      1,
                      () -> {
                        refreshing.countDown();
                        await(finish);
                        return new RenderCache.Rendered(
                            "text/plain", "refreshed".getBytes(StandardCharsets.UTF_8));
                      }));
      assertTrue(refreshing.await(10, TimeUnit.SECONDS));
      Supplier<RenderCache.Rendered> never =
          () -> {
            throw new AssertionError("rendered while another request renders the same page");
          };
      for (int i = 0; i < 8; i++) {
        assertSame(first, cache.cached("/week", 1, never), "the aged copy, at once");
      }
      Future<RenderCache.Entry> newer = pool.submit(() -> cache.cached("/week", 2, never));
      assertThrows(
          TimeoutException.class,
          () -> newer.get(100, TimeUnit.MILLISECONDS),
          "a new version waits for the rendering under way");
      finish.countDown();
      RenderCache.Entry refreshed = refresh.get(10, TimeUnit.SECONDS);
      assertNotSame(first, refreshed);
      assertSame(refreshed, newer.get(10, TimeUnit.SECONDS));
      assertSame(refreshed, cache.cached("/week", 1, never));
      assertEquals(1, renders.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the test's other threads never came");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void gzipIsWhatAcceptEncodingAdmits() {
    assertTrue(PreparedBody.acceptsGzip("gzip, deflate, br"));
    assertTrue(PreparedBody.acceptsGzip("br;q=1.0, gzip;q=0.8"));
    assertTrue(PreparedBody.acceptsGzip("*"));
    assertFalse(PreparedBody.acceptsGzip("gzip;q=0"));
    assertFalse(PreparedBody.acceptsGzip("br, deflate"));
    assertFalse(PreparedBody.acceptsGzip(null));
    assertFalse(PreparedBody.acceptsGzip("gzip;q=0, *"), "named and refused beats the wildcard");
  }

  @Test
  void brotliIsWhatAcceptEncodingAdmits() {
    assertTrue(PreparedBody.accepts("gzip, deflate, br, zstd", "br"));
    assertTrue(PreparedBody.accepts("*", "br"));
    assertFalse(PreparedBody.accepts("br;q=0, gzip", "br"));
    assertFalse(PreparedBody.accepts("gzip, deflate", "br"));
    assertFalse(PreparedBody.accepts("*;q=0", "br"));
    assertFalse(PreparedBody.accepts(null, "br"));
  }

  // API answers joined from papers' JSON made once (PaperPieces): what a client reads, plain or
  // gzipped, must be exactly what serialising the stored papers gives now

  static final ObjectMapper JSON = new ObjectMapper();

  static byte[] gunzip(byte[] gzip) throws IOException {
    // GZIPInputStream checks the trailer's CRC and length against what it inflated
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  static List<String> ids(byte[] json) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JSON.readTree(json)) {
      ids.add(item.path("paper").path("id").asText());
    }
    return ids;
  }

  /** What serialising the stored papers gives, as the API did before it kept pieces. */
  static byte[] serialised(List<String> ids) {
    return ApiJson.rendered(app.papers().findAll(ids).stream().map(ApiJson::dailyPaper).toList())
        .body();
  }

  @Test
  void aGzippedSearchAnswerInflatesToThePlainOneWhichIsTheStoredPapersJson() throws Exception {
    String api = "/api/papers/search?q=agents&limit=10";
    HttpResponse<byte[]> plain = get(api, "Accept-Encoding", "identity");
    HttpResponse<byte[]> packed = get(api + "&n=2", "Accept-Encoding", "gzip");
    assertEquals(200, plain.statusCode());
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(packed.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));

    List<String> ids = ids(plain.body());
    assertFalse(ids.isEmpty(), "agents should match papers of the day");
    assertEquals(
        new String(plain.body(), StandardCharsets.UTF_8),
        new String(gunzip(packed.body()), StandardCharsets.UTF_8));
    assertEquals(
        new String(serialised(ids), StandardCharsets.UTF_8),
        new String(plain.body(), StandardCharsets.UTF_8));
    assertTrue(packed.body().length * 2 < plain.body().length, "gzip should halve the JSON");
  }

  @Test
  void aVoteShowsInTheNextAnswerThoughThePapersPiecesWereMadeBefore() throws Exception {
    String api = "/api/papers/search?q=benchmark";
    byte[] before = gunzip(get(api, "Accept-Encoding", "gzip").body());
    List<String> ids = ids(before);
    assertFalse(ids.isEmpty(), "benchmark should match papers of the day");
    String id = ids.get(0);
    long upvotes = JSON.readTree(before).get(0).path("paper").path("upvotes").asLong();

    WebClient voter = WebClient.signedIn(app, "pieces-voter", PASSWORD);
    assertEquals(303, voter.post("/papers/" + id + "/vote", "back", "/").statusCode());

    byte[] after = gunzip(get(api + "&after=vote", "Accept-Encoding", "gzip").body());
    JsonNode first = null;
    for (JsonNode item : JSON.readTree(after)) {
      if (item.path("paper").path("id").asText().equals(id)) {
        first = item;
      }
    }
    assertTrue(first != null, id + " should still match");
    assertEquals(upvotes + 1, first.path("paper").path("upvotes").asLong());
  }

  @Test
  void piecesJoinInTheAskedOrderLeaveOutUnknownIdsAndStayWithinTheirBytes() throws Exception {
    List<Paper> stored =
        app.papers()
            .latestDay()
            .map(d -> app.papers().feed(d, d, PaperStore.Order.UPVOTES, 0, 10))
            .orElseThrow();
    assertTrue(stored.size() >= 3, "the fixture day holds papers");
    List<String> asked =
        List.of(stored.get(2).id(), "2608.00000", stored.get(0).id(), stored.get(1).id());
    PaperPieces pieces = new PaperPieces(new ContentVersion(app.database()), app.papers(), 9_000);

    RenderCache.Rendered joined = pieces.dailyPapers(asked);
    List<String> expected = List.of(stored.get(2).id(), stored.get(0).id(), stored.get(1).id());
    assertEquals(expected, ids(joined.body()));
    assertEquals(
        new String(serialised(expected), StandardCharsets.UTF_8),
        new String(gunzip(joined.gzip()), StandardCharsets.UTF_8));
    // a piece is ~3-5 KB: 9,000 bytes hold two of the three, the least recently used went
    String held = pieces.held();
    assertTrue(held.startsWith("2 pieces") || held.startsWith("1 pieces"), held);
    // asked again, the answer is the same whether its pieces were kept or made again
    assertEquals(
        new String(joined.body(), StandardCharsets.UTF_8),
        new String(pieces.dailyPapers(asked).body(), StandardCharsets.UTF_8));

    RenderCache.Rendered none = pieces.dailyPapers(List.of());
    assertEquals("[]", new String(gunzip(none.gzip()), StandardCharsets.UTF_8));
    assertEquals("[]", new String(none.body(), StandardCharsets.UTF_8));
  }
}
