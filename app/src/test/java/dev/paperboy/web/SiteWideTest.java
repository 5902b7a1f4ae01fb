package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every page shares: HEAD answers, the favicon and manifest, the remembered theme, dates
 * people read, and comment counts that say where the comments are.
 */
class SiteWideTest {

  private static final String PAPER = "2608.19880";

  @TempDir static Path dir;
  static App app;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<byte[]> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> send(String method, String path, String header, String value)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header(header, value)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
    for (String path :
        new String[] {"/", "/papers/" + PAPER, "/api/daily_papers", "/favicon.ico"}) {
      HttpResponse<byte[]> get = send("GET", path);
      HttpResponse<byte[]> head = send("HEAD", path);
      assertEquals(200, get.statusCode(), path);
      assertEquals(200, head.statusCode(), path);
      assertTrue(get.body().length > 0, path);
      assertEquals(0, head.body().length, path);
      assertEquals(
          get.headers().firstValue("Content-Type"),
          head.headers().firstValue("Content-Type"),
          path);
    }
    assertEquals(404, send("HEAD", "/papers/2501.99999").statusCode());
    assertEquals(404, send("HEAD", "/no/such/page").statusCode());
  }

  @Test
  void answersMadePerRequestAreGzippedForClientsThatAskAndPlainForTheRest() throws Exception {
    String path = "/api/papers/search?q=language+models";
    HttpResponse<byte[]> plain = send("GET", path);
    assertEquals(200, plain.statusCode());
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "not asked for gzip");
    String json = new String(plain.body(), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("[{"), "some papers match: " + json);
    HttpResponse<byte[]> zipped =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(zipped.body().length < plain.body().length, "smaller on the wire");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertEquals(json, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void brotliGoesToClientsThatTakeItForPerRequestAndCachedAnswersAlike() throws Exception {
    assertTrue(Brotli.AVAILABLE, "this platform's brotli library is in the jar");
    for (String path : List.of("/api/papers/search?q=language+models", "/", "/api/daily_papers")) {
      HttpResponse<byte[]> plain = send("GET", path);
      assertEquals(200, plain.statusCode(), path);
      assertTrue(plain.body().length > 1024, path + " is worth compressing");
      HttpResponse<byte[]> br = send("GET", path, "Accept-Encoding", "gzip, deflate, br");
      assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(""), path);
      assertTrue(br.body().length < plain.body().length, path + " smaller on the wire");
      DirectDecompress unpacked = Decoder.decompress(br.body());
      assertEquals(DecoderJNI.Status.DONE, unpacked.getResultStatus(), path);
      assertEquals(
          new String(plain.body(), StandardCharsets.UTF_8),
          new String(unpacked.getDecompressedData(), StandardCharsets.UTF_8),
          path);
      // a zero weight refuses a coding, for per-request and cached answers alike
      HttpResponse<byte[]> refused = send("GET", path, "Accept-Encoding", "br;q=0, gzip;q=0.5");
      assertEquals("gzip", refused.headers().firstValue("Content-Encoding").orElse(""), path);
      HttpResponse<byte[]> none = send("GET", path, "Accept-Encoding", "gzip;q=0, br;q=0");
      assertTrue(none.headers().firstValue("Content-Encoding").isEmpty(), path);
      assertEquals(plain.body().length, none.body().length, path);
    }
  }

  @Test
  void pagesNameAssetsByFingerprintAndBrowsersKeepThoseForAYear() throws Exception {
    String page = new String(send("GET", "/").body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("href=\"(/static/app\\.css\\?v=[0-9a-f]+)\"").matcher(page);
    assertTrue(m.find(), "the page links its stylesheet by fingerprint");
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(base + m.group(1)))
            .header("Accept-Encoding", "gzip")
            .build();
    HttpResponse<byte[]> css = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, css.statusCode());
    assertEquals(
        "public, max-age=31536000, immutable",
        css.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
    try (var in = new GZIPInputStream(new ByteArrayInputStream(css.body()))) {
      assertTrue(new String(in.readAllBytes()).contains("prefers-color-scheme"), "app.css itself");
    }
    String etag = css.headers().firstValue("ETag").orElseThrow();
    HttpRequest again =
        HttpRequest.newBuilder(URI.create(base + m.group(1))).header("If-None-Match", etag).build();
    assertEquals(304, http.send(again, HttpResponse.BodyHandlers.discarding()).statusCode());

    HttpResponse<byte[]> stale = send("GET", "/static/app.css?v=0000");
    assertEquals(200, stale.statusCode(), "an old fingerprint still gets the file");
    assertEquals("public, max-age=3600", stale.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(404, send("GET", "/static/katex/LICENSE").statusCode());
    assertEquals(404, send("GET", "/static/../paperboy.db").statusCode());
    assertEquals(404, send("GET", "/static/nothing-here.css").statusCode());
  }

  @Test
  void theFaviconAndTheManifestAreServed() throws Exception {
    HttpResponse<byte[]> icon = send("GET", "/favicon.ico");
    assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElseThrow());
    byte[] b = icon.body();
    assertTrue(b.length > 22 && b[2] == 1 && b[4] == 1, "an ICO file with one image");
    HttpResponse<byte[]> manifest = send("GET", "/manifest.webmanifest");
    assertTrue(
        manifest.headers().firstValue("Content-Type").orElseThrow().startsWith("application/"));
    JsonNode m = new ObjectMapper().readTree(manifest.body());
    assertEquals("Paperboy", m.path("name").asText());
    assertFalse(m.path("icons").isEmpty());
    for (JsonNode i : m.path("icons")) {
      assertEquals(200, send("GET", i.path("src").asText()).statusCode(), i.toString());
    }
    String page = new String(send("GET", "/").body());
    assertTrue(page.contains("rel=\"manifest\" href=\"/manifest.webmanifest\""));
    assertTrue(page.contains("<a class=\"skip\" href=\"#main\">"), "a skip link");
  }

  @Test
  void aChosenThemeIsRememberedAndAnythingElseRefused() {
    WebClient browser = new WebClient(base);
    assertFalse(browser.get("/").body().contains("data-theme="), "no choice: follow the system");
    HttpResponse<String> chose =
        browser.post("/theme", "theme", "dark", "back", "/papers/trending");
    assertEquals(303, chose.statusCode());
    assertEquals("/papers/trending", chose.headers().firstValue("Location").orElseThrow());
    assertTrue(
        browser.get("/papers/trending").body().contains("<html lang=\"en\" data-theme=\"dark\">"));
    browser.post("/theme", "theme", "light");
    assertTrue(browser.get("/").body().contains("data-theme=\"light\""));

    assertEquals(400, browser.post("/theme", "theme", "\"><script>").statusCode());
    HttpResponse<String> forged =
        browser.postRaw("/theme", WebClient.form("theme", "dark"), Map.of());
    assertEquals(403, forged.statusCode(), "no CSRF token");
    assertTrue(browser.get("/").body().contains("data-theme=\"light\""));
  }

  @Test
  void localAndHuggingFaceCommentsAreCountedApart() {
    String page = new WebClient(base).get("/papers/" + PAPER).body();
    assertTrue(page.contains("<h2>0 comments</h2>"), "nobody commented here yet");
    assertTrue(
        page.contains(
            "<a href=\"https://huggingface.co/papers/"
                + PAPER
                + "\" rel=\"noopener\">1 on Hugging Face</a>"),
        "the imported count links to its thread");
    String day = new WebClient(base).get("/papers/date/2026-08-21").body();
    assertTrue(day.contains("1 on Hugging Face</a>"), day);
  }

  @Test
  void datesReadTheSameEverywhereAndMachinesGetIso() {
    String day = new WebClient(base).get("/papers/date/2026-08-21").body();
    assertTrue(day.contains("<strong class=\"label\">21 Aug 2026</strong>"), "the period");
    assertTrue(day.contains("on 21 Aug 2026"), "the HF submission day");
    assertTrue(
        day.matches(
            "(?s).*Published <time datetime=\"2026-08-\\d\\dT[^\"]+\">\\d+ Aug 2026</time>.*"));
    assertFalse(
        day.matches(
            "(?s).*\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}, \\d{4}.*"));
  }
}
