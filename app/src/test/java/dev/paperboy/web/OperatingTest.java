package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator's tools see: health, readiness, metrics and the access log, on a real server.
 */
class OperatingTest {

  @TempDir static Path dir;
  static App app;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    // keyword search only; arXiv is never asked (nothing is submitted)
    app =
        TestApps.serving(
            dir, Clock.systemUTC(), URI.create("http://127.0.0.1:9/"), "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(b::header);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  @Test
  void healthzSaysOkAndStartsNoSession() {
    HttpResponse<String> r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok", r.body());
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().toString());
  }

  @Test
  void readyzReportsTheDatabaseTheIndexAndHowFarTheyLag() {
    HttpResponse<String> r = get("/readyz");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
    assertTrue(r.body().contains("\"status\":\"ready\""), r.body());
    assertTrue(r.body().contains("\"database\":\"ok\""), r.body());
    assertTrue(r.body().contains("\"index\":\"ok\""), r.body());
    // the fixture was indexed before serving, and there is no model to embed with
    assertTrue(r.body().contains("\"indexLag\":0"), r.body());
    assertTrue(r.body().contains("\"embeddingBacklog\":0"), r.body());
  }

  @Test
  void readyzIs503WithTheReasonWhenTheDatabaseIsGone(@TempDir Path other) {
    App broken = new App(new Config("127.0.0.1", 0, other).withEmbeddingModel("none"));
    try {
      broken.serve();
      broken.database().close();
      HttpResponse<String> r = http(TestApps.baseUrl(broken) + "/readyz");
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"status\":\"not ready\""), r.body());
      assertTrue(r.body().contains("database: "), r.body());
      assertEquals(200, http(TestApps.baseUrl(broken) + "/healthz").statusCode());
    } finally {
      broken.close();
    }
  }

  @Test
  void metricsCountRequestsByRouteTemplateNotByPath() {
    get("/papers/2608.19880");
    get("/papers/2608.18580");
    String metrics = get("/metrics").body();
    long count =
        sample(
            metrics,
            "http_server_requests_seconds_count{method=\"GET\",route=\"/papers/<id>\",status=\"2xx\"}");
    assertTrue(count >= 2, metrics);
    assertFalse(metrics.contains("2608.19880"), "a raw path became a label");
  }

  @Test
  void metricsTimeSearchesByTheModeThatAnswered() {
    long before = sample(get("/metrics").body(), "paperboy_search_seconds_count{mode=\"keyword\"}");
    assertEquals(200, get("/search?q=agent").statusCode());
    String metrics = get("/metrics").body();
    // without a model, hybrid search is answered by keyword
    assertEquals(before + 1, sample(metrics, "paperboy_search_seconds_count{mode=\"keyword\"}"));
    assertTrue(metrics.contains("paperboy_index_lag "), metrics);
    assertTrue(metrics.contains("paperboy_embedding_backlog "), metrics);
    assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
    assertTrue(metrics.contains("paperboy_mail_total{outcome=\"sent\"}"), metrics);
  }

  @Test
  void metricsCountPasswordHashesAndTheAdmissionLine() {
    long before = sample(get("/metrics").body(), "paperboy_password_hashes_total");
    assertEquals(401, new WebClient(base).signIn("nobody@example.org", "a guess").statusCode());
    String metrics = get("/metrics").body();
    assertEquals(before + 1, sample(metrics, "paperboy_password_hashes_total"), metrics);
    assertTrue(metrics.contains("paperboy_http_requests_refused_total 0.0"), metrics);
    // the scrape itself is at work while it is written
    assertEquals(1, sample(metrics, "paperboy_http_requests_working"), metrics);
    assertTrue(metrics.contains("paperboy_http_requests_waiting 0.0"), metrics);
  }

  @Test
  void metricsAreRefusedToARequestThatCameThroughAProxy() {
    HttpResponse<String> local = get("/metrics");
    assertEquals(200, local.statusCode());
    assertTrue(local.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    HttpResponse<String> proxied = get("/metrics", Map.of("X-Forwarded-For", "203.0.113.9"));
    assertEquals(403, proxied.statusCode());
    assertTrue(proxied.body().contains("PAPERBOY_METRICS_TOKEN"), proxied.body());
    HttpResponse<String> guessed =
        get("/metrics", Map.of("X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer guess"));
    assertEquals(403, guessed.statusCode());
  }

  @Test
  void everyRequestGetsAnIdAndOneAccessLineWithoutItsQuery() throws InterruptedException {
    PrintStream err = System.err;
    Captured captured = new Captured();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> kept =
          get("/search?q=secretword&cat=cs.AI", Map.of("X-Request-Id", "probe-42.a_b"));
      assertEquals("probe-42.a_b", kept.headers().firstValue("X-Request-Id").orElseThrow());
      HttpResponse<String> replaced =
          get("/healthz", Map.of("X-Request-Id", "no spaces\"or quotes"));
      String fresh = replaced.headers().firstValue("X-Request-Id").orElseThrow();
      assertTrue(fresh.matches("[0-9a-f]{16}"), fresh);
      String log = waitFor(captured, fresh);
      String line =
          log.lines().filter(l -> l.contains("id=probe-42.a_b")).findFirst().orElseThrow();
      assertTrue(
          line.matches(".* method=GET route=/search status=200 ms=\\d+\\.\\d\\d bytes=\\d+"), line);
      assertFalse(log.contains("secretword"), log);
      assertFalse(log.contains("cs.AI"), log);
      assertFalse(log.contains("127.0.0.1"), log);
    } finally {
      System.setErr(err);
    }
  }

  /** Standard error as the test sees it: whoever waits is woken by each write. */
  static final class Captured extends ByteArrayOutputStream {
    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, len);
      notifyAll();
    }

    @Override
    public synchronized void write(int b) {
      super.write(b);
      notifyAll();
    }
  }

  /** The access line is written once the response has gone out, so it may trail the response. */
  private static String waitFor(Captured captured, String text) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    synchronized (captured) {
      while (true) {
        String log = captured.toString(StandardCharsets.UTF_8);
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (log.contains("id=" + text) || left <= 0) {
          if (!log.contains("id=" + text)) {
            throw new AssertionError("no access line for " + text + ": " + log);
          }
          return log;
        }
        captured.wait(left);
      }
    }
  }

  private static HttpResponse<String> http(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long sample(String metrics, String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }
}
