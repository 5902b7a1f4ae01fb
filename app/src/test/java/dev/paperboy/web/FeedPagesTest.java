package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busy arXiv listing day (301 papers, 371 rows) paged 50 at a time. */
class FeedPagesTest {

  @TempDir static Path dir;
  static App app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final Pattern CARD = Pattern.compile("data-paper-id=\"([^\"]+)\"");

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-07-01.jsonl.gz");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(TestApps.baseUrl(app) + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Set<String> cards(String html) {
    Set<String> ids = new HashSet<>();
    Matcher m = CARD.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void everyPaperOfTheDayIsOnExactlyOnePage() throws Exception {
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int page = 1; page <= 7; page++) {
      var res = get("/papers/date/2026-07-01?page=" + page);
      assertEquals(200, res.statusCode());
      assertTrue(res.body().contains("Page " + page + " of 7"), "page " + page);
      Set<String> ids = cards(res.body());
      total += ids.size();
      seen.addAll(ids);
    }
    assertEquals(301, total);
    assertEquals(301, seen.size());
  }

  @Test
  void aPageBeyondTheLastIsNotFound() throws Exception {
    var res = get("/papers/date/2026-07-01?page=8");
    assertEquals(404, res.statusCode());
    assertTrue(res.body().contains("1 Jul 2026 has 7 pages."), res.body());
  }

  @Test
  void theHomePageIsTheLatestDay() throws Exception {
    var res = get("/");
    assertEquals(200, res.statusCode());
    assertTrue(res.body().contains("1 Jul 2026"));
    assertTrue(res.body().contains("301 papers"));
  }
}
