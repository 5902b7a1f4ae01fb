package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HF-shaped API over two real recorded days, checked against golden JSON. */
class DailyPapersApiTest {

  @TempDir static Path dir;
  static App app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode get(String path) throws Exception {
    var res =
        http.send(
            HttpRequest.newBuilder(URI.create(TestApps.baseUrl(app) + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode(), res.body());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return json.readTree(res.body());
  }

  static JsonNode golden(String name) throws Exception {
    return json.readTree(Files.readString(TestApps.resource("golden/" + name)));
  }

  static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path("paper").path("id").asText()));
    return out;
  }

  @Test
  void aDayAnswersLikeHuggingFace() throws Exception {
    assertEquals(
        golden("daily_papers_2026-08-21_limit3.json"),
        get("/api/daily_papers?date=2026-08-21&limit=3"));
  }

  @Test
  void onePaperAnswersLikeHuggingFace() throws Exception {
    assertEquals(golden("paper_2608.19880.json"), get("/api/papers/2608.19880"));
  }

  @Test
  void withoutAPeriodTheLatestDayIsServed() throws Exception {
    assertEquals(ids(get("/api/daily_papers?date=2026-08-21")), ids(get("/api/daily_papers")));
  }

  @Test
  void aWeekHoldsBothDaysByUpvotesAndPagesThroughThem() throws Exception {
    JsonNode week = get("/api/daily_papers?week=2026-W34&limit=100");
    assertEquals(32, week.size());
    for (int i = 1; i < week.size(); i++) {
      assertTrue(
          week.get(i - 1).path("paper").path("upvotes").asInt()
              >= week.get(i).path("paper").path("upvotes").asInt());
    }
    List<String> pages = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      pages.addAll(ids(get("/api/daily_papers?week=2026-W34&limit=10&p=" + p)));
    }
    assertEquals(ids(week), pages, "pages of 10 join up to the whole week, no gaps or repeats");
    assertEquals(32, get("/api/daily_papers?month=2026-08&limit=100").size());
  }

  @Test
  void sortByPublishedAtPutsTheNewestFirst() throws Exception {
    JsonNode items = get("/api/daily_papers?week=2026-W34&sort=publishedAt&limit=100");
    for (int i = 1; i < items.size(); i++) {
      String before = items.get(i - 1).path("paper").path("publishedAt").asText();
      String after = items.get(i).path("paper").path("publishedAt").asText();
      assertTrue(before.compareTo(after) >= 0, before + " before " + after);
    }
  }

  @Test
  void anOldStyleIdIsFoundByItsSlashedPath() throws Exception {
    var res =
        http.send(
            HttpRequest.newBuilder(URI.create(TestApps.baseUrl(app) + "/api/papers/hep-th/9901001"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, res.statusCode());
    assertTrue(res.body().contains("hep-th/9901001"), res.body());
  }
}
