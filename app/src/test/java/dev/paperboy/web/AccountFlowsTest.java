package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.community.Role;
import dev.paperboy.harvest.FakeArxiv;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing up, signing in and resetting a password over HTTP, including the floods an attacker would
 * try: every request beyond a limit is refused before its password is hashed.
 */
class AccountFlowsTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-22T09:00:00Z");
  FakeArxiv arxiv;
  App app;
  String base;

  @BeforeEach
  void start() throws Exception {
    arxiv = new FakeArxiv(clock);
    app = TestApps.serving(dir, clock, arxiv.endpoint(), "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
  }

  @AfterEach
  void stop() {
    app.close();
    arxiv.close();
  }

  @Test
  void signingUpAnswersTheSameForANewAndATakenAddress() {
    app.community().accounts().create("ada@example.org", "Ada", PASSWORD, Role.USER);
    WebClient someone = new WebClient(base);
    HttpResponse<String> taken = someone.signUp("ada@example.org", "Ada", "some other password");
    WebClient another = new WebClient(base);
    HttpResponse<String> fresh = another.signUp("grace@example.org", "Grace", "other password");
    assertEquals(200, taken.statusCode(), taken.body());
    assertEquals(fresh.statusCode(), taken.statusCode());
    assertEquals(
        fresh.body().replace("grace@example.org", "ADDRESS").replace(another.csrf(), "TOKEN"),
        taken.body().replace("ada@example.org", "ADDRESS").replace(someone.csrf(), "TOKEN"),
        "nothing tells a taken address from a new one");
    assertTrue(fresh.body().contains("Check your inbox"));
    assertTrue(TestApps.mailedLink(app, "ada@example.org", "/forgot-password").length() > 0);
  }

  @Test
  void theMailedLinkOpensAButtonSoAMailScannerCreatesNoAccount() {
    WebClient grace = new WebClient(base);
    grace.signUp("grace@example.org", "Grace", PASSWORD);
    String link = TestApps.mailedLink(app, "grace@example.org", "/signup/confirm");
    HttpResponse<String> scanned = new WebClient(base).get(link);
    assertEquals(200, scanned.statusCode());
    assertTrue(scanned.body().contains("Create my account"), scanned.body());
    assertTrue(app.community().accounts().findByEmail("grace@example.org").isEmpty());

    HttpResponse<String> created =
        grace.post("/signup/confirm", "t", link.substring(link.indexOf("t=") + 2));
    assertEquals(303, created.statusCode(), created.body());
    assertTrue(grace.get("/settings").body().contains("grace@example.org"), "signed in");
    assertEquals(400, new WebClient(base).get(link).statusCode(), "the link worked once");
  }

  @Test
  void aFloodOfSignUpsIsRefusedBeforeAnyHashBeyondTheLimit() throws Exception {
    app.community().accounts().create("victim@example.org", "Victim", PASSWORD, Role.USER);
    long before = app.community().accounts().passwordHashes();
    List<Integer> statuses =
        flood(
            16,
            48,
            i ->
                new WebClient(base)
                    .signUp("victim@example.org", "Someone", "guess number " + i)
                    .statusCode());
    assertEquals(48, statuses.size());
    // within the limit a request is answered, or refused as busy (503) while the cores hash
    long ok = statuses.stream().filter(s -> s == 200).count();
    assertTrue(ok <= 5, "5 tries an hour for one address: " + statuses);
    assertTrue(statuses.contains(429), statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429 || s == 503), "" + statuses);
    assertEquals(ok, app.community().accounts().passwordHashes() - before, "no hash beyond it");
    assertEquals(
        429,
        new WebClient(base).signUp("victim@example.org", "Someone", "one more guess").statusCode(),
        "the limit holds after the flood");
    assertTrue(new WebClient(base).get("/").statusCode() == 200, "the site still answers");
  }

  @Test
  void aFloodOfSignInsIsRefusedBeforeAnyHashBeyondTheLimit() throws Exception {
    app.community().accounts().create("victim@example.org", "Victim", PASSWORD, Role.USER);
    long before = app.community().accounts().passwordHashes();
    List<HttpResponse<String>> answers =
        flood(16, 60, i -> new WebClient(base).signIn("user" + i + "@example.org", "guess " + i));
    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
    long wrong = statuses.stream().filter(s -> s == 401).count();
    assertTrue(wrong <= 30, statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429 || s == 503), "" + statuses);
    assertTrue(
        answers.stream()
            .filter(r -> r.statusCode() == 429 || r.statusCode() == 503)
            .allMatch(r -> r.headers().firstValue("Retry-After").isPresent()));
    assertEquals(wrong, app.community().accounts().passwordHashes() - before, "no hash beyond");
    assertEquals(
        429,
        new WebClient(base).signIn("victim@example.org", PASSWORD).statusCode(),
        "the limit holds after the flood, whatever the password");
  }

  @Test
  void aForgottenPasswordIsResetFromTheMailedLinkAndEndsOtherSessions() {
    app.community().accounts().create("ada@example.org", "Ada", PASSWORD, Role.USER);
    WebClient laptop = new WebClient(base);
    assertEquals(303, laptop.signIn("ada@example.org", PASSWORD).statusCode());

    WebClient phone = new WebClient(base);
    phone.get("/forgot-password");
    HttpResponse<String> asked = phone.post("/forgot-password", "email", "ada@example.org");
    assertEquals(200, asked.statusCode());
    WebClient stranger = new WebClient(base);
    HttpResponse<String> unknown = stranger.post("/forgot-password", "email", "nobody@example.org");
    assertEquals(
        asked.body().replace("ada@example.org", "X").replace(phone.csrf(), "T"),
        unknown.body().replace("nobody@example.org", "X").replace(stranger.csrf(), "T"),
        "the answer does not say whether the address has an account");

    String link = TestApps.mailedLink(app, "ada@example.org", "/reset-password");
    HttpResponse<String> form = phone.get(link);
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("Choose a new password"), form.body());
    Map<String, String> fields = query(link);
    HttpResponse<String> reset =
        phone.post(
            "/reset-password",
            "u",
            fields.get("u"),
            "e",
            fields.get("e"),
            "t",
            fields.get("t"),
            "password",
            "my brand new password");
    assertEquals(200, reset.statusCode(), reset.body());
    assertTrue(reset.body().contains("Your password is changed"));

    assertEquals(303, laptop.get("/settings").statusCode(), "the laptop was signed out");
    assertEquals(200, phone.get("/settings").statusCode(), "the phone is signed in");
    assertEquals(400, new WebClient(base).get(link).statusCode(), "the link worked once");
    assertEquals(
        303, new WebClient(base).signIn("ada@example.org", "my brand new password").statusCode());
  }

  @Test
  void aCsrfTokenFromAnotherSessionIsRefused() {
    app.community().accounts().create("ada@example.org", "Ada", PASSWORD, Role.USER);
    app.community().accounts().create("eve@example.org", "Eve", PASSWORD, Role.USER);
    WebClient ada = new WebClient(base);
    ada.signIn("ada@example.org", PASSWORD);
    WebClient eve = new WebClient(base);
    eve.signIn("eve@example.org", PASSWORD);
    // Eve plants her own valid token in Ada's browser (a cookie set from a sibling subdomain)
    HttpResponse<String> planted =
        ada.postRaw(
            "/papers/2608.19880/vote",
            WebClient.form("_csrf", eve.csrf()),
            Map.of("Cookie", "pb_session=" + ada.cookie("pb_session") + "; pb_csrf=" + eve.csrf()));
    assertEquals(403, planted.statusCode(), planted.body());
    HttpResponse<String> own = ada.post("/papers/2608.19880/vote", "back", "/");
    assertEquals(303, own.statusCode(), "her own token works");
  }

  @Test
  void theSignInPageLeadsToPasswordReset() {
    String page = new WebClient(base).get("/signin").body();
    assertTrue(page.contains("href=\"/forgot-password\""), page);
    assertFalse(new WebClient(base).get("/forgot-password").body().contains("error"));
  }

  interface Request<T> {
    T send(int i) throws Exception;
  }

  /** {@code total} requests from {@code clients} threads at once; the answers in request order. */
  static <T> List<T> flood(int clients, int total, Request<T> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        int n = i;
        futures.add(pool.submit(() -> request.send(n)));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Map<String, String> query(String link) {
    Map<String, String> q = new java.util.HashMap<>();
    for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      q.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return q;
  }
}
