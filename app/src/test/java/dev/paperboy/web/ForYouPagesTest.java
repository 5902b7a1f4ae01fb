package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.TestVectors;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "For you" over HTTP: follows and marks as CSRF form posts, the ranking they change, and its
 * reasons on the page and in the JSON. Papers get stored vectors of a model named here (none loads;
 * the ranker reads what is stored), so liking one paper lifts its neighbours.
 */
class ForYouPagesTest {

  static final String MODEL = TestVectors.MODEL;
  static final String DAY = "2026-08-21";
  static final String PASSWORD = "correct horse battery";

  /** Low in the day's upvotes: by Qianxi Yan, from zju. */
  static final String SKILL_EVO = "2608.13120";

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static App app;
  static List<String> liked;
  static String base;

  @BeforeAll
  static void start() {
    app =
        TestApps.serving(
            new App(
                TestDatabases.config(dir).withEmbeddingModel(MODEL),
                TestClock.at("2026-08-22T09:00:00Z")),
            "web/2026-08-20.json",
            "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
    liked = TestVectors.store(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static WebClient signedIn(String name) {
    return WebClient.signedIn(app, name, PASSWORD);
  }

  /** The ids /api/for-you ranks for the reader on the day, best first. */
  static List<String> ranked(WebClient reader) throws Exception {
    return ids(api(reader));
  }

  static JsonNode api(WebClient reader) throws Exception {
    HttpResponse<String> r = reader.get("/api/for-you?date=" + DAY);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode list = JSON.readTree(r.body());
    assertTrue(list.size() > 0, "the day has papers");
    return list;
  }

  static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get("paper").get("paper").get("id").asText()));
    return out;
  }

  static List<String> reasonsOf(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (n.get("paper").get("paper").get("id").asText().equals(id)) {
        List<String> out = new ArrayList<>();
        n.get("reasons").forEach(r -> out.add(r.asText()));
        return out;
      }
    }
    throw new AssertionError(id + " is not ranked");
  }

  @Test
  void signedOutTheApiAnswers401AndThePageAsksToSignIn() {
    WebClient nobody = new WebClient(base);
    HttpResponse<String> api = nobody.get("/api/for-you");
    assertEquals(401, api.statusCode());
    assertTrue(api.body().contains("\"error\""), api.body());
    HttpResponse<String> page = nobody.get("/for-you?week=2026-W34");
    assertEquals(303, page.statusCode());
    assertTrue(page.headers().firstValue("Location").orElseThrow().startsWith("/signin?next="));
  }

  @Test
  void withNothingToLearnFromTheDayIsTrendingOrder() throws Exception {
    JsonNode list = api(signedIn("cold"));
    List<String> ids = ids(list);
    assertEquals("2608.19880", ids.get(0), "the most upvoted paper leads");
    assertTrue(reasonsOf(list, ids.get(0)).get(0).startsWith("trending"), list.toString());
    HttpResponse<String> page = signedIn("cold-page").get("/for-you?date=" + DAY);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Nothing to learn from yet"), page.body());
  }

  @Test
  void followingAnAuthorLiftsTheirPaperAndSaysWhy() throws Exception {
    WebClient ada = signedIn("follower");
    assertFalse(ranked(ada).get(0).equals(SKILL_EVO));
    HttpResponse<String> author = ada.get("/authors/qianxi%20yan");
    assertEquals(200, author.statusCode());
    assertTrue(author.body().contains("Follow this author"), "the author page has a button");

    HttpResponse<String> followed =
        ada.post(
            "/follows",
            "kind",
            "author",
            "key",
            "qianxi yan",
            "label",
            "Qianxi Yan",
            "back",
            "/authors/qianxi%20yan");
    assertEquals(303, followed.statusCode());
    assertEquals("/authors/qianxi%20yan", followed.headers().firstValue("Location").orElseThrow());
    assertTrue(ada.get("/authors/qianxi%20yan").body().contains("Following this author"));

    JsonNode list = api(ada);
    assertEquals(SKILL_EVO, ids(list).get(0));
    assertTrue(reasonsOf(list, SKILL_EVO).contains("by Qianxi Yan you follow"), list.toString());
    HttpResponse<String> page = ada.get("/for-you?date=" + DAY);
    assertTrue(
        page.body().contains("by <a href=\"/authors/qianxi%20yan\">Qianxi Yan</a> you follow"),
        page.body());

    HttpResponse<String> following = ada.get("/following");
    assertTrue(following.body().contains("Qianxi Yan"), following.body());
    ada.post("/follows/remove", "kind", "author", "key", "qianxi yan");
    assertFalse(ranked(ada).get(0).equals(SKILL_EVO), "unfollowing undoes it");
  }

  @Test
  void aFollowWithoutTheCsrfTokenIsRefused() {
    WebClient ada = signedIn("forger");
    HttpResponse<String> r =
        ada.postRaw("/follows", WebClient.form("kind", "topic", "key", "agents"), Map.of());
    assertEquals(403, r.statusCode());
    assertTrue(app.community().follows().of(userId("forger")).isEmpty());
  }

  @Test
  void badFollowsAreRefusedWithASayingWhy() {
    WebClient ada = signedIn("careless");
    HttpResponse<String> kind = ada.post("/follows", "kind", "planet", "key", "mars");
    assertEquals(400, kind.statusCode());
    HttpResponse<String> longTopic = ada.post("/follows", "kind", "topic", "key", "k".repeat(300));
    assertEquals(400, longTopic.statusCode());
    assertTrue(longTopic.body().contains("too long"), longTopic.body());
  }

  @Test
  void upvotingThreePapersLiftsTheirNeighboursWithTheLikeReason() throws Exception {
    // the 20th's first three papers and the 21st's SkillEvo share a direction; others are apart
    List<String> day20 = liked;
    assertEquals(3, day20.size());
    WebClient ada = signedIn("upvoter");
    List<String> before = ranked(ada);
    for (String id : day20) {
      assertEquals(303, ada.post("/papers/" + id + "/vote").statusCode());
    }
    JsonNode list = api(ada);
    assertEquals(SKILL_EVO, ids(list).get(0), list.toString());
    assertTrue(
        reasonsOf(list, SKILL_EVO).stream()
            .anyMatch(r -> r.startsWith("like “") && r.endsWith("” that you upvoted")),
        list.toString());
    assertFalse(before.equals(ids(list)));
  }

  @Test
  void aHiddenPaperLeavesAndAReadOneSinks() throws Exception {
    WebClient ada = signedIn("reader");
    List<String> before = ranked(ada);
    String first = before.get(0);
    String second = before.get(1);
    assertEquals(
        303, ada.post("/papers/" + first + "/mark", "mark", "hidden", "on", "1").statusCode());
    assertFalse(ranked(ada).contains(first), "hidden papers are not for you");
    assertEquals(
        303, ada.post("/papers/" + second + "/mark", "mark", "read", "on", "1").statusCode());
    List<String> after = ranked(ada);
    assertEquals(second, after.get(after.size() - 1), "read papers sink to the end");
    HttpResponse<String> page = ada.get("/for-you?date=" + DAY);
    assertTrue(page.body().contains("Read ✓"), "the card shows it was read");

    ada.post("/papers/" + second + "/mark", "mark", "saved", "on", "1");
    HttpResponse<String> saved = ada.get("/saved");
    assertTrue(saved.body().contains("data-paper-id=\"" + second + "\""), saved.body());
    assertEquals(400, ada.post("/papers/" + second + "/mark", "mark", "starred").statusCode());
  }

  @Test
  void theSearchPageOffersToFollowItsWordsAsATopic() throws Exception {
    WebClient ada = signedIn("topical");
    HttpResponse<String> search = ada.get("/search?q=memory+benchmark");
    assertTrue(search.body().contains("Follow this topic"), search.body());
    ada.post("/follows", "kind", "topic", "key", "MemTrapBench", "label", "MemTrapBench");
    JsonNode list = api(ada);
    assertEquals("2608.20202", ids(list).get(0), list.toString());
    assertTrue(reasonsOf(list, "2608.20202").contains("matches your topic “memtrapbench”"));
  }

  static long userId(String name) {
    return app.database()
        .read(
            c ->
                dev.paperboy.storage.Sql.count(
                    c, "SELECT id FROM users WHERE email = ?", name + "@example.org"));
  }
}
