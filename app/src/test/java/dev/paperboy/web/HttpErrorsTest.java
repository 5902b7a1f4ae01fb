package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get a 4xx with a message in the format the client asked for, never a 500. */
class HttpErrorsTest {

  @TempDir static Path dir;
  static App app;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = new App(new Config("127.0.0.1", 0, dir));
    base = "http://127.0.0.1:" + app.serve().port();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<String> get(String path, String accept)
      throws IOException, InterruptedException {
    var req = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/daily_papers?date=2026-02-30 | 400 | date must be YYYY-MM-DD",
        "/api/daily_papers?week=2026-W99 | 400 | week 99 does not exist",
        "/api/daily_papers?month=26-08 | 400 | month must be YYYY-MM",
        "/api/daily_papers?date=2026-08-21&month=2026-08 | 400 | at most one of date, week and"
            + " month",
        "/api/daily_papers?limit=101 | 400 | limit must be between 1 and 100",
        "/api/daily_papers?limit=0 | 400 | limit must be between 1 and 100",
        "/api/daily_papers?p=-1 | 400 | p must be between 0",
        "/api/daily_papers?p=abc | 400 | p must be a whole number",
        "/api/daily_papers?sort=votes | 400 | sort must be publishedAt or trending",
        "/api/papers/2608.99999 | 404 | paper 2608.99999 not found",
        "/api/papers/2608.99999 | 404 | with POST /papers/2608.99999/fetch",
        "/api/papers/not-an-id | 400 | is not an arXiv id",
        "/api/nothing-here | 404 | There is no page",
        // no q lists the latest day, as huggingface_hub's list_papers() asks
        // (HuggingFaceClientTest)
        "/api/papers/search?q=LONG | 400 | q must be at most 300 characters",
        "/api/papers/search?q=agents&limit=121 | 400 | limit must be between 1 and 120",
        "/api/papers/search?q=agents&sort=best | 400 | sort must be relevance, newest or upvotes",
        "/api/papers/search?q=agents&from=2026-13-01 | 400 | from must be YYYY-MM-DD",
        "/api/papers/search?q=agents&from=2026-08-02&to=2026-08-01 | 400 | is after to",
        "/api/papers/search?q=agents&from=%2B999999999-12-31 | 400 | from must be YYYY-MM-DD",
        "/api/daily_papers?month=%2B999999999-12 | 400 | month must be YYYY-MM",
        "/api/daily_papers?date=-999999999-01-01 | 400 | date must be YYYY-MM-DD",
        "/api/papers/2608.19880v2147483648 | 400 | is not an arXiv id",
      })
  void apiErrorsAreJsonWithAMessage(String path, int status, String message) throws Exception {
    var res = get(path.replace("LONG", "a".repeat(301)), "*/*");
    assertEquals(status, res.statusCode(), res.body());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(res.body().startsWith("{\"error\":\""), res.body());
    assertTrue(res.body().contains(message), res.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/papers/2608.99999 | 404 | No paper 2608.99999 in this Paperboy yet.",
        "/papers/2608.99999 | 404 | arXiv 2608.99999 is not on Paperboy yet",
        "/papers/not-an-id | 404 | not-an-id' is not an arXiv id.",
        "/papers/hep-th/9901001 | 404 | No paper hep-th/9901001",
        "/papers/date/yesterday | 400 | date must be YYYY-MM-DD, got 'yesterday'",
        "/papers/week/2026-34 | 400 | week must be YYYY-Www",
        "/papers/month/+999999999-12 | 400 | month must be YYYY-MM",
        "/papers/2608.19880v2147483648 | 404 | is not an arXiv id",
        "/papers/date/2026-08-21?page=x | 400 | page must be a whole number",
        "/nowhere/<script>alert(1)</script> | 404 | There is no page",
        "/search?q=<script>alert(1)</script>&sort=best | 400 | sort must be relevance",
        "/search?q=agents&page=51 | 400 | page must be between 1 and 50",
      })
  void pageErrorsAreHtmlPagesThatLeadBackHome(String path, int status, String message)
      throws Exception {
    var res = get(path.replace("<", "%3C").replace(">", "%3E"), "text/html");
    assertEquals(status, res.statusCode(), res.body());
    assertTrue(res.body().contains("<!doctype html>"), res.body());
    assertTrue(res.body().contains(message), res.body());
    assertTrue(res.body().contains("href=\"/\""), "links back home");
    assertFalse(res.body().contains("<script>alert"), "echoed input is escaped");
  }
}
