package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.thumbnail.ImageType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails come from Paperboy's own cache (a placeholder where there is none), and paper and feed
 * pages carry link previews with absolute addresses.
 */
class ThumbnailsAndPreviewsTest {

  static final String CACHED = "2608.19880";
  static final String NOT_CACHED = "2608.18580";

  @TempDir static Path dir;
  static App app;
  static String base;
  static byte[] png;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.serving(dir, "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
    BufferedImage image = new BufferedImage(12, 6, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    png = out.toByteArray();
    app.thumbnails().cache().put(CACHED, ImageType.PNG, png);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), body);
  }

  static String page(String path) throws Exception {
    HttpResponse<String> res = get(path, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode(), path);
    return res.body();
  }

  /** The content of {@code <meta property|name="key" content="...">}, or null. */
  static String meta(String html, String key) {
    Matcher m =
        Pattern.compile(
                "<meta (?:property|name)=\"" + Pattern.quote(key) + "\" content=\"([^\"]*)\"")
            .matcher(html);
    return m.find() ? unescape(m.group(1)) : null;
  }

  static String unescape(String attribute) {
    return attribute
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** The card of paper {@code id} on a feed page. */
  static String card(String html, String id) {
    int start = html.indexOf("data-paper-id=\"" + id + "\"");
    assertTrue(start >= 0, id + " is on the page");
    return html.substring(start, html.indexOf("</article>", start));
  }

  @Test
  void aCachedThumbnailIsServedWithItsTypeAndCachingHeaders() throws Exception {
    var res = get("/thumbnails/" + CACHED, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, res.statusCode());
    assertArrayEquals(png, res.body());
    assertEquals("image/png", res.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("public, max-age=86400", res.headers().firstValue("Cache-Control").orElseThrow());
    String etag = res.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.matches("\"[0-9a-f]{16}\""), etag);

    var again =
        get(
            "/thumbnails/" + CACHED,
            HttpResponse.BodyHandlers.ofByteArray(),
            "If-None-Match",
            etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
  }

  @Test
  void theStatusPageSaysWhatThisNodeHasCached() throws Exception {
    String html = page("/status");
    assertTrue(
        html.contains(
            "<td class=\"thumbnails\" colspan=\"2\">1 cached (0 of 512 MB); since start 0 fetched,"
                + " 0 refused, 0 times the host did not answer; this node does not fetch"),
        html);
  }

  @Test
  void aPaperWithoutACachedThumbnailOrAnUnknownOneIsNotFound() throws Exception {
    assertEquals(
        404, get("/thumbnails/" + NOT_CACHED, HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(
        404, get("/thumbnails/2608.99999", HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(
        404, get("/thumbnails/not-a-paper", HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void aCardShowsTheImageFromPaperboyItselfOrAPlaceholderWithTheTitlesInitials() throws Exception {
    String html = page("/papers/date/2026-08-21");
    String cached = card(html, CACHED);
    assertTrue(
        cached.matches(
            "(?s).*<img src=\"/thumbnails/"
                + Pattern.quote(CACHED)
                + "\\?v=[0-9a-f]{16}\" alt=\"\" width=\"200\" height=\"108\" loading=\"lazy\".*"),
        cached);
    String other = card(html, NOT_CACHED);
    assertFalse(other.contains("<img"), other);
    assertTrue(
        other.matches(
            "(?s).*<div class=\"thumb placeholder\" aria-hidden=\"true\">\\p{Lu}{1,2}</div>.*"),
        other);
    assertFalse(html.matches("(?s).*<img[^>]+src=\"https?:.*"), "no image from another host");
    String csp =
        get("/", HttpResponse.BodyHandlers.discarding())
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow();
    assertTrue(csp.contains("img-src 'self' data:;"), csp);
  }

  @Test
  void aPaperPageHasAnAbsolutePreviewWithItsImage() throws Exception {
    String html = page("/papers/" + CACHED);
    assertEquals(base + "/papers/" + CACHED, meta(html, "og:url"));
    assertEquals("article", meta(html, "og:type"));
    assertEquals("Paperboy", meta(html, "og:site_name"));
    assertTrue(meta(html, "og:title").startsWith("EnvHarness"), meta(html, "og:title"));
    assertTrue(meta(html, "og:image").startsWith(base + "/thumbnails/" + CACHED + "?v="));
    assertEquals("summary_large_image", meta(html, "twitter:card"));
    String description = meta(html, "og:description");
    assertTrue(description.length() <= Preview.DESCRIPTION_CHARS, description);
    assertFalse(description.contains("\n"), description);
    assertTrue(description.endsWith("…"), "the abstract is longer: " + description);
    assertTrue(html.contains("blind to an agent&#39;s weaknesses"), "escaped in the attribute");

    String without = page("/papers/" + NOT_CACHED);
    assertEquals("summary", meta(without, "twitter:card"));
    assertEquals(null, meta(without, "og:image"));
  }

  @Test
  void theDailyFeedHasAnAbsolutePreviewOfItsTopPapers() throws Exception {
    String html = page("/papers/date/2026-08-21");
    assertEquals(base + "/papers/date/2026-08-21", meta(html, "og:url"));
    assertEquals("website", meta(html, "og:type"));
    assertTrue(meta(html, "og:title").startsWith("Daily Papers · "), meta(html, "og:title"));
    assertTrue(
        meta(html, "og:description")
            .matches("\\d+ papers on Paperboy for .+, most upvoted first: .+"),
        meta(html, "og:description"));
    assertTrue(
        meta(html, "og:image").startsWith(base + "/thumbnails/" + CACHED + "?v="),
        "the top paper's (163 upvotes) image");
    assertEquals("summary_large_image", meta(html, "twitter:card"));
    String week = page("/papers/week/2026-W34");
    assertEquals(base + "/papers/week/2026-W34", meta(week, "og:url"));
    assertTrue(meta(page("/papers/trending"), "og:url").startsWith(base + "/papers/trending"));
  }

  @Test
  void authorAndOrganisationPagesHavePreviewsToo() throws Exception {
    String author = page("/authors/chengsong%20huang");
    assertEquals(base + "/authors/chengsong%20huang", meta(author, "og:url"));
    assertEquals("profile", meta(author, "og:type"));
    assertEquals("Chengsong Huang", meta(author, "og:title"));
    assertTrue(meta(author, "og:description").contains("by Chengsong Huang, with "));
    String org = page("/orgs/google");
    assertEquals(base + "/orgs/google", meta(org, "og:url"));
    assertEquals("Google", meta(org, "og:title"));
    assertTrue(meta(org, "og:description").contains("EnvHarness"), meta(org, "og:description"));
  }

  @Test
  void descriptionsAreTextWithoutTexMarkup() {
    String desc =
        new Preview("t", "We use \\emph{sparse} $O(n)$ attention~\\cite{x}.", "u", null, "website")
            .description();
    assertEquals("We use sparse O(n) attention.", desc);
  }
}
