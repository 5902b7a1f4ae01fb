package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.community.Role;
import dev.paperboy.community.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attempts to break in that must fail, against a real server on a real database. */
class SecurityTest {

  static final String PAPER = "2608.19880";
  static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  static TestClock clock = TestClock.at("2026-08-22T09:00:00Z");
  static TestApps.WithArxiv served;
  static App app;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    served =
        TestApps.servingWithArxiv(
            dir, clock, List.of(), "web/2026-08-21.json", "security/2026-08-21.jsonl");
    app = served.app();
    base = served.base();
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  /**
   * A new browser signed in to a fresh account (made directly: sign-ups per address are limited).
   */
  static WebClient signedIn(String name) {
    return WebClient.signedIn(app, name, PASSWORD);
  }

  static long upvotes(String id) {
    return app.papers().find(id).orElseThrow().totalUpvotes();
  }

  static long localComments(String id) {
    return app.papers().find(id).orElseThrow().community().comments();
  }

  @Test
  void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    WebClient ada = signedIn("csrf-ada");
    long before = localComments(PAPER);
    HttpResponse<String> r =
        ada.postRaw("/papers/" + PAPER + "/comments", WebClient.form("body", "forged"), Map.of());
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("security token is missing or wrong"), r.body());
    HttpResponse<String> forged =
        ada.postRaw(
            "/papers/" + PAPER + "/comments",
            WebClient.form("body", "forged", "_csrf", "abc.def"),
            Map.of());
    assertEquals(403, forged.statusCode());
    assertEquals(before, localComments(PAPER));
  }

  @Test
  void anotherSitesOriginIsRefusedEvenWithAToken() {
    WebClient ada = signedIn("origin-ada");
    long before = upvotes(PAPER);
    HttpResponse<String> r =
        ada.postRaw(
            "/papers/" + PAPER + "/vote",
            WebClient.form("_csrf", ada.csrf()),
            Map.of("Origin", "https://evil.example"));
    assertEquals(403, r.statusCode());
    assertEquals(before, upvotes(PAPER));
  }

  @Test
  void aSignedOutVoteCountsNothing() {
    WebClient stranger = new WebClient(base);
    long before = upvotes(PAPER);
    HttpResponse<String> json = stranger.postJson("/papers/" + PAPER + "/vote");
    assertEquals(401, json.statusCode());
    assertTrue(json.body().contains("Sign in first"), json.body());
    HttpResponse<String> form = stranger.post("/papers/" + PAPER + "/vote", "back", "/");
    assertEquals(303, form.statusCode());
    assertTrue(form.headers().firstValue("Location").orElseThrow().startsWith("/signin?next="));
    assertEquals(before, upvotes(PAPER));
  }

  @Test
  void aScriptInACommentIsShownAsText() {
    WebClient ada = signedIn("xss-ada");
    ada.post(
        "/papers/" + PAPER + "/comments",
        "body",
        "<script>alert('comment')</script> and <img src=x onerror=alert(2)>");
    String page = ada.get("/papers/" + PAPER).body();
    assertTrue(page.contains("&lt;script&gt;alert('comment')&lt;/script&gt;"), page);
    assertFalse(page.contains("<script>alert"));
    assertFalse(page.contains("<img src=x"));
  }

  @Test
  void aScriptInAPaperTitleIsEscapedOnEveryPage() {
    assertTrue(
        app.papers().find("2608.99001").orElseThrow().title().startsWith("<script>"),
        "the hostile title is stored as it came");
    WebClient reader = new WebClient(base);
    for (String path :
        List.of(
            "/papers/2608.99001",
            "/papers/date/2026-08-21",
            "/search?q=attention",
            "/papers/trending")) {
      String page = reader.get(path).body();
      assertTrue(page.contains("&lt;script&gt;alert("), path);
      assertFalse(page.contains("<script>alert("), path);
      assertFalse(page.contains("<img src=x"), path);
    }
    String json = reader.get("/api/papers/2608.99001").body();
    assertTrue(json.contains("\"title\":\"<script>alert(\\\"title\\\")</script>"), json);
  }

  @Test
  void sqlMetacharactersInEveryFieldAreKeptAsText() {
    String name = "Robert'); DROP TABLE users;--";
    WebClient bobby = new WebClient(base);
    assertEquals(
        303,
        bobby
            .signUpAndConfirm(app, "o'hara+x@example.org", name, "pass' OR '1'='1 --")
            .statusCode());
    bobby.post("/papers/" + PAPER + "/comments", "body", "' OR 1=1; DELETE FROM comments; --");
    bobby.post("/collections", "name", "\"; DELETE FROM papers; --", "paper", PAPER);
    HttpResponse<String> search = bobby.get("/search?q=%27%20OR%20%27%27%3D%27");
    assertEquals(200, search.statusCode());
    HttpResponse<String> submit = bobby.post("/submit", "arxiv", "2608.19880' OR '1'='1");
    assertEquals(400, submit.statusCode());
    assertTrue(submit.body().contains("is not an arXiv id"));

    User stored = app.community().accounts().findByEmail("o'hara+x@example.org").orElseThrow();
    assertEquals(name, stored.displayName());
    assertEquals(18, app.papers().countAll(), "no paper was deleted");
    WebClient again = new WebClient(base);
    assertEquals(303, again.signIn("o'hara+x@example.org", "pass' OR '1'='1 --").statusCode());
    assertEquals(
        401,
        new WebClient(base).signIn("o'hara+x@example.org", "' OR '1'='1").statusCode(),
        "an injection is only a wrong password");
    String profile = again.get(stored.profileHref()).body();
    // shown literally: quotes are harmless in text, and every value was bound, never spliced
    assertTrue(profile.contains("<h1>Robert'); DROP TABLE users;--</h1>"), profile);
    assertTrue(profile.contains("' OR 1=1; DELETE FROM comments; --"));
    assertTrue(profile.contains(">\"; DELETE FROM papers; --</a>"));
  }

  @Test
  void oneUserCannotEditOrDeleteAnothersComment() {
    WebClient ada = signedIn("owner-ada");
    ada.post("/papers/" + PAPER + "/comments", "body", "Ada's own words");
    long id =
        app.community().comments().thread(PAPER, null).stream()
            .filter(p -> p.comment().body().equals("Ada's own words"))
            .findFirst()
            .orElseThrow()
            .comment()
            .id();
    WebClient mallory = signedIn("mallory");
    assertEquals(403, mallory.post("/comments/" + id + "/edit", "body", "Defaced").statusCode());
    assertEquals(403, mallory.post("/comments/" + id + "/delete").statusCode());
    assertTrue(
        app.community().comments().thread(PAPER, null).stream()
            .anyMatch(p -> p.comment().id() == id && p.comment().body().equals("Ada's own words")));
  }

  @Test
  void guessingAPasswordStopsAtTheRateLimit() {
    signedIn("victim");
    WebClient attacker = new WebClient(base);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, attacker.signIn("victim@example.org", "guess " + i).statusCode());
    }
    HttpResponse<String> locked = attacker.signIn("victim@example.org", PASSWORD);
    assertEquals(429, locked.statusCode(), "even the right password waits now");
    assertTrue(locked.body().contains("Too many failed sign-ins for this account"));
    assertTrue(locked.headers().firstValue("Retry-After").isPresent());
    assertEquals(null, attacker.cookie("pb_session"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLaxAndEndsAtSignOut() {
    WebClient ada = new WebClient(base);
    HttpResponse<String> r = ada.signUpAndConfirm(app, "cookie-ada@example.org", "Ada", PASSWORD);
    String setCookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("pb_session="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    assertFalse(setCookie.contains("Secure"), "plain http here; https public URLs add Secure");
    String token = ada.cookie("pb_session");
    assertEquals(303, ada.post("/signout").statusCode());
    assertTrue(app.community().accounts().userForSession(token).isEmpty());
  }

  @Test
  void behindHttpsTheSessionCookieIsSecure(@TempDir Path other) {
    Config https = TestApps.behindHttps(other, served.arxiv().endpoint());
    try (App secure = new App(https, clock)) {
      secure.serve();
      secure.community().accounts().create("secure-ada@example.org", "Ada", PASSWORD, Role.USER);
      WebClient ada = new WebClient(TestApps.baseUrl(secure));
      ada.get("/signin");
      // the cookies are Secure, so an http client keeps them but does not send them back itself
      String csrf = ada.cookie("pb_csrf");
      HttpResponse<String> r =
          ada.postRaw(
              "/signin",
              WebClient.form(
                  "email", "secure-ada@example.org", "password", PASSWORD, "_csrf", csrf),
              Map.of("Cookie", "pb_csrf=" + csrf));
      assertEquals(303, r.statusCode(), r.body());
      List<String> cookies =
          r.headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("pb_session=") || c.startsWith("pb_device="))
              .toList();
      assertEquals(2, cookies.size(), r.headers().allValues("Set-Cookie").toString());
      assertTrue(cookies.stream().allMatch(c -> c.contains("Secure")), cookies.toString());
    }
  }

  @Test
  void withoutJavascriptAVoteIsAPlainFormPostThatComesBack() {
    WebClient ada = signedIn("plain-ada");
    long before = upvotes("2608.20335");
    HttpResponse<String> r = ada.post("/papers/2608.20335/vote", "back", "/papers/date/2026-08-21");
    assertEquals(303, r.statusCode());
    assertEquals("/papers/date/2026-08-21", r.headers().firstValue("Location").orElseThrow());
    assertEquals(before + 1, upvotes("2608.20335"));
    assertTrue(
        ada.get("/papers/date/2026-08-21")
            .body()
            .contains("class=\"votes upvoted\" aria-pressed=\"true\""));
  }

  @Test
  void signInOnlyRedirectsWithinThisSite() {
    signedIn("redirect-ada");
    WebClient ada = new WebClient(base);
    ada.get("/signin");
    HttpResponse<String> r =
        ada.post(
            "/signin",
            "email",
            "redirect-ada@example.org",
            "password",
            PASSWORD,
            "next",
            "//evil.example/phish");
    assertEquals("/", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void pagesCarryAContentSecurityPolicy() {
    String csp =
        new WebClient(base).get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
  }
}
