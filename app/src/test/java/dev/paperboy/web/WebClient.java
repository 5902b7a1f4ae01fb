package dev.paperboy.web;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's browser as far as HTTP goes: it keeps cookies, posts forms with the page's CSRF token,
 * and does not follow redirects, so tests see every status and Location.
 */
final class WebClient {

  private final String base;
  private final CookieManager cookies;
  private final HttpClient http;

  WebClient(String base) {
    this(base, new CookieManager());
  }

  private WebClient(String base, CookieManager cookies) {
    this.base = base;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The same browser, its cookies and all, sent to another node: what a load balancer in front of
   * several nodes does from one request to the next.
   */
  WebClient onNode(String otherBase) {
    return new WebClient(otherBase, cookies);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** The CSRF token the site gave this browser (visiting a page first if needed). */
  String csrf() {
    String token = cookie("pb_csrf");
    if (token == null) {
      get("/");
      token = cookie("pb_csrf");
    }
    return token;
  }

  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Posts a form as a page of this site does, with the CSRF token. */
  HttpResponse<String> post(String path, String... nameValues) {
    Map<String, String> form = form(nameValues);
    form.put("_csrf", csrf());
    return postRaw(path, form, Map.of());
  }

  /** Posts exactly these fields and headers, nothing added. */
  HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** What the page's script sends for a vote: the token in a header, asking for JSON. */
  HttpResponse<String> postJson(String path) {
    return postRaw(path, Map.of(), Map.of("Accept", "application/json", "X-CSRF-Token", csrf()));
  }

  /** Fills in the sign-up form; the account exists only once the mailed link is followed. */
  HttpResponse<String> signUp(String email, String name, String password) {
    get("/signup");
    return post("/signup", "email", email, "name", name, "password", password);
  }

  /**
   * Signs up and follows the link in the mail (the page it opens has one button, which is pressed);
   * returns the answer to that button: a redirect, signed in.
   */
  HttpResponse<String> signUpAndConfirm(App app, String email, String name, String password) {
    HttpResponse<String> asked = signUp(email, name, password);
    if (asked.statusCode() != 200) {
      throw new AssertionError("sign-up refused: " + asked.statusCode() + " " + asked.body());
    }
    String link = TestApps.mailedLink(app, email, "/signup/confirm");
    HttpResponse<String> page = get(link);
    if (page.statusCode() != 200) {
      throw new AssertionError("the sign-up link does not work: " + page.body());
    }
    return post("/signup/confirm", "t", link.substring(link.indexOf("t=") + 2));
  }

  HttpResponse<String> signIn(String email, String password) {
    get("/signin");
    return post("/signin", "email", email, "password", password);
  }

  /**
   * A new browser signed in to a fresh account {@code name@example.org} (made directly: sign-ups
   * per address are limited).
   */
  static WebClient signedIn(App app, String name, String password) {
    app.community().accounts().create(name + "@example.org", name, password, Role.USER);
    WebClient browser = new WebClient(TestApps.baseUrl(app));
    HttpResponse<String> r = browser.signIn(name + "@example.org", password);
    if (r.statusCode() != 303) {
      throw new AssertionError("signing in " + name + " answered " + r.statusCode());
    }
    return browser;
  }

  static Map<String, String> form(String... nameValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      form.put(nameValues[i], nameValues[i + 1]);
    }
    return form;
  }

  private static String encode(Map<String, String> form) {
    List<String> parts = new ArrayList<>();
    form.forEach(
        (k, v) ->
            parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
