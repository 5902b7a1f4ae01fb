package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.community.Role;
import dev.paperboy.harvest.FakeArxiv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several hundred hostile requests over every route: values that overflow, escapes that do not
 * decode, wrong methods, bodies that cannot be read, headers too large. Every one must get an
 * answer below 500 with no stack trace in it; a bad request is the client's problem, said plainly.
 */
class BadInputTest {

  static final String PASSWORD = "correct horse battery";
  static final Pattern STACK_TRACE =
      Pattern.compile("Exception|\\tat |at (dev\\.paperboy|io\\.javalin|org\\.eclipse|java\\.)");

  @TempDir static Path dir;
  static TestClock clock = TestClock.at("2026-08-22T09:00:00Z");
  static FakeArxiv arxiv;
  static App app;
  static RawHttp http;
  static String cookies;
  static String csrf;

  /** Every GET route, with X where a hostile value goes. */
  static final List<String> GET_ROUTES =
      List.of(
          "/?page=X",
          "/papers/trending?page=X",
          "/papers/date/X",
          "/papers/week/X",
          "/papers/month/X",
          "/papers/X",
          "/papers/date/2026-08-21?page=X",
          "/search?q=X",
          "/search?q=agents&from=X&to=X&cat=X&sort=X&page=X&code=X",
          "/api/daily_papers?date=X",
          "/api/daily_papers?week=X",
          "/api/daily_papers?month=X&p=X&limit=X&sort=X",
          "/api/papers/X",
          "/api/papers/X/similar?limit=X",
          "/api/papers/search?q=X&limit=X",
          "/users/X",
          "/collections/X",
          "/submit/requests/X",
          "/signup/confirm?t=X",
          "/reset-password?u=X&e=X&t=X",
          "/subscriptions/confirm?s=X&e=X&t=X",
          "/subscriptions/manage?s=X&t=X",
          "/unsubscribe?s=X&t=X",
          "/signin?next=X",
          "/status",
          "/admin",
          "/settings",
          "/static/X");

  /** Every POST route, with X where a path value goes. */
  static final List<String> POST_ROUTES =
      List.of(
          "/signin",
          "/signup",
          "/signup/confirm",
          "/signout",
          "/forgot-password",
          "/reset-password",
          "/settings/profile",
          "/settings/password",
          "/papers/X/vote",
          "/submit",
          "/papers/X/comments",
          "/comments/X/edit",
          "/comments/X/delete",
          "/collections",
          "/collections/X/edit",
          "/collections/X/papers",
          "/collections/X/papers/X/remove",
          "/admin/papers/X/hide",
          "/admin/comments/X/hide",
          "/admin/users/X/block",
          "/subscribe",
          "/subscriptions/manage",
          "/unsubscribe?s=X&t=X");

  static final List<String> VALUES =
      List.of(
          "",
          "-1",
          "2147483648",
          "9223372036854775808",
          "%2B999999999-12-31",
          "-999999999-01-01",
          "9999-W99",
          "1e30",
          "2608.19880v2147483648",
          "%00",
          "%ZZ",
          "%C0%AF",
          "%FF%FE%FD",
          "..%2F..%2Fetc%2Fpasswd",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%27%20OR%201%3D1--",
          "a".repeat(3000));

  @BeforeAll
  static void start() throws Exception {
    arxiv = new FakeArxiv(clock);
    app = TestApps.serving(dir, clock, arxiv.endpoint(), "web/2026-08-21.json");
    http = new RawHttp(app.port());
    app.community().accounts().create("ada@example.org", "Ada", PASSWORD, Role.ADMIN);
    WebClient ada = new WebClient(TestApps.baseUrl(app));
    assertEquals(303, ada.signIn("ada@example.org", PASSWORD).statusCode());
    csrf = ada.csrf();
    cookies = "Cookie: pb_session=" + ada.cookie("pb_session") + "; pb_csrf=" + csrf + "\r\n";
  }

  @AfterAll
  static void stop() {
    app.close();
    arxiv.close();
  }

  private final List<String> failures = new ArrayList<>();
  private int sent;

  private void expectClientError(String method, String target, String headers, byte[] body) {
    RawHttp.Answer a = http.send(method, target, headers, body);
    sent++;
    String what = method + " " + RawHttp.clip(target) + " -> " + a.status();
    if (a.status() < 200 || a.status() >= 500) {
      failures.add(what + " " + RawHttp.clip(a.body()));
    } else if (STACK_TRACE.matcher(a.body()).find()) {
      failures.add(what + " shows a stack trace: " + RawHttp.clip(a.body()));
    } else if (a.status() >= 400 && !a.head().contains("Content-Security-Policy")) {
      failures.add(what + " has no Content-Security-Policy");
    }
  }

  private void check() {
    assertTrue(sent > 0, "nothing was sent");
    assertEquals(List.of(), failures, failures.size() + " of " + sent + " requests failed");
  }

  @Test
  void hostileValuesInEveryGetRouteAreRefusedPolitely() {
    for (String route : GET_ROUTES) {
      for (String value : VALUES) {
        String target = route.replace("X", value);
        expectClientError("GET", target, "", null);
        expectClientError("GET", target, cookies + "Accept: application/json\r\n", null);
      }
    }
    assertTrue(sent >= 900, "sent " + sent);
    check();
  }

  @Test
  void theWrongMethodOnAnyRouteIsRefused() {
    for (String route : GET_ROUTES) {
      for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
        expectClientError(method, route.replace("X", "1"), "", new byte[0]);
      }
    }
    for (String route : POST_ROUTES) {
      expectClientError("GET", route.replace("X", "1"), "", null);
      expectClientError("OPTIONS", route.replace("X", "1"), "", null);
    }
    check();
  }

  @Test
  void unreadableBodiesOnEveryPostRouteAreRefusedBeforeAnythingReadsThem() {
    String form = "Content-Type: application/x-www-form-urlencoded";
    List<Body> bodies =
        List.of(
            new Body(
                "Content-Type: multipart/form-data; boundary=xyz\r\n",
                "--xyz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nbroken"),
            new Body(form + "; charset=no-such-charset\r\n", "_csrf=" + csrf + "&body=hi"),
            new Body(form + "; charset=\"\r\n", "_csrf=" + csrf),
            new Body(form + "\r\n", "_csrf=" + csrf + "&body=%ZZ%&name=%C0%AF&email=%FF"),
            new Body(form + "\r\n", "_csrf=" + csrf + "&" + "x=".repeat(20_000)),
            new Body(form + "\r\n", "_csrf=" + csrf + "&body=" + "a".repeat(200_000)),
            new Body("Content-Type: application/json\r\n", "{\"_csrf\": 1, \"body\": [}"),
            new Body(form + "\r\nContent-Length: 99999999\r\n", "_csrf=" + csrf),
            new Body(
                form + "\r\n",
                "_csrf="
                    + csrf
                    + "&email=a%40b.org&password=x&name=&page=-1&paper=9223372036854775808"
                    + "&s=9223372036854775808&t=x&u=-1&e=9223372036854775807&arxiv=%00"));
    for (String route : POST_ROUTES) {
      for (Body b : bodies) {
        String target = route.replace("X", "1");
        byte[] bytes = b.text().getBytes(StandardCharsets.UTF_8);
        expectClientError("POST", target, b.headers(), bytes);
        expectClientError("POST", target, cookies + b.headers(), bytes);
      }
    }
    assertTrue(sent >= 400, "sent " + sent);
    check();
  }

  @Test
  void oversizedAddressesAndHeadersGetJettysAnswerWithTheSamePolicy() {
    expectClientError("GET", "/" + "a".repeat(20_000), "", null);
    expectClientError("GET", "/search?q=" + "a".repeat(9_000), "", null);
    expectClientError("GET", "/", "Cookie: pb_session=" + "x".repeat(20_000) + "\r\n", null);
    expectClientError("GET", "/", "X-Filler: " + "y".repeat(20_000) + "\r\n", null);
    expectClientError("GET", "/", "Cookie: pb_csrf=\u0001\u0002; pb_session=;;\r\n", null);
    expectClientError("GET", "/", "Accept: */*;q=x, application/json;q=\r\n", null);
    expectClientError("POST", "/signin", "Origin: http://[::1\r\n", new byte[0]);
    expectClientError("GET", "/nowhere%", "", null);
    check();
  }

  @Test
  void aDateFromTheFarFutureIsRefusedWithAShortMessage() {
    RawHttp.Answer a = http.send("GET", "/api/daily_papers?date=" + "9".repeat(7000), "", null);
    assertEquals(400, a.status());
    assertTrue(a.body().length() < 300, "the value is not echoed in full: " + a.body().length());
  }

  record Body(String headers, String text) {}
}
