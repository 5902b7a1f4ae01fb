package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Poll;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An arXiv id Paperboy does not store, met in search, at its link or in the API: each says so and
 * how to fetch it, and fetching goes through a signed-in POST and the background worker only.
 */
class UnknownPapersTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  static TestApps.WithArxiv served;

  @BeforeAll
  static void start() throws Exception {
    served =
        TestApps.servingWithArxiv(
            dir,
            TestClock.at("2026-08-22T09:00:00Z"),
            List.of("id_0000.0000_s0_m100_8b51d9633a68.json"),
            "web/2026-08-21.json");
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  static WebClient signedIn(String name) {
    return WebClient.signedIn(served.app(), name, PASSWORD);
  }

  /** A browser nobody signed in with. */
  static WebClient anonymous() {
    return new WebClient(served.base());
  }

  @Test
  void searchingForAnUnknownIdOffersToSignInAndFetchIt() {
    HttpResponse<String> page =
        anonymous().get("/search?q=https%3A%2F%2Farxiv.org%2Fabs%2F2401.12345v2");
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("arXiv 2401.12345 is not on Paperboy yet"), html);
    assertTrue(html.contains("href=\"https://arxiv.org/abs/2401.12345v2\""), html);
    assertTrue(html.contains("href=\"/signin?next=%2Fsearch%3Fq%3Dhttps"), "comes back after");
    assertFalse(html.contains("action=\"/papers/2401.12345/fetch\""), "no form without a user");
  }

  @Test
  void aSignedInSearcherGetsTheFetchFormWithItsToken() {
    WebClient ada = signedIn("search-ada");
    String html = ada.get("/search?q=arXiv:2401.12345").body();
    assertTrue(html.contains("action=\"/papers/2401.12345/fetch\""), html);
    assertTrue(html.contains("name=\"_csrf\" value=\"" + ada.csrf() + "\""), html);
    assertTrue(html.contains("href=\"/submit?arxiv=2401.12345\""), html);
    assertTrue(ada.get("/submit?arxiv=2401.12345").body().contains("value=\"2401.12345\""));
  }

  @Test
  void aStoredIdOrOrdinaryWordsOfferNothing() {
    WebClient reader = anonymous();
    assertFalse(reader.get("/search?q=2608.19880").body().contains("arxiv-offer"));
    assertFalse(reader.get("/search?q=agents").body().contains("arxiv-offer"));
  }

  @Test
  void theLinkOfAnUnknownPaperIsA404ThatOffersIt() {
    HttpResponse<String> page = anonymous().get("/papers/2401.12345");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("No paper 2401.12345 in this Paperboy yet."), page.body());
    assertTrue(page.body().contains("arXiv 2401.12345 is not on Paperboy yet"), page.body());
    assertTrue(page.body().contains("href=\"/signin?next=%2Fpapers%2F2401.12345\""), page.body());
    HttpResponse<String> notAnId = anonymous().get("/papers/attention-is-all");
    assertEquals(404, notAnId.statusCode());
    assertTrue(notAnId.body().contains("is not an arXiv id"), notAnId.body());
    assertFalse(notAnId.body().contains("arxiv-offer"));
  }

  @Test
  void theApiSaysHowToFetchAnUnknownPaper() {
    WebClient script = anonymous();
    for (String path : new String[] {"/api/papers/2401.12345", "/api/papers/2401.12345/similar"}) {
      HttpResponse<String> r = script.get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.body().startsWith("{\"error\":\"paper 2401.12345 not found"), r.body());
      assertTrue(r.body().contains("POST /papers/2401.12345/fetch"), r.body());
      assertTrue(r.body().contains("https://arxiv.org/abs/2401.12345"), r.body());
    }
    HttpResponse<String> bad = script.get("/api/papers/not-an-id");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("is not an arXiv id"), bad.body());
  }

  @Test
  void fetchingNeedsASignedInUserAndTheToken() {
    HttpResponse<String> anonymous = anonymous().post("/papers/2401.12345/fetch");
    assertEquals(303, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("Location").orElse("").startsWith("/signin"));
    WebClient ada = signedIn("forger-ada");
    HttpResponse<String> forged = ada.postRaw("/papers/2401.12345/fetch", Map.of(), Map.of());
    assertEquals(403, forged.statusCode());
    assertTrue(
        served.arxiv().requests().stream().noneMatch(r -> r.params().toString().contains("2401")));
  }

  @Test
  void anIdArxivDoesNotKnowEndsOnAPageThatSaysSo() throws Exception {
    WebClient ada = signedIn("unknown-ada");
    HttpResponse<String> asked = ada.post("/papers/0000.0000/fetch");
    assertEquals(303, asked.statusCode(), "answered at once: the worker asks arXiv");
    String waiting = asked.headers().firstValue("Location").orElseThrow();
    assertTrue(waiting.startsWith("/submit/requests/"), waiting);
    Poll.until(
        Duration.ofSeconds(20),
        "the worker to ask arXiv",
        () -> ada.get(waiting).body().contains("arXiv has no paper 0000.0000."));
    assertEquals(422, ada.get(waiting).statusCode());
  }
}
