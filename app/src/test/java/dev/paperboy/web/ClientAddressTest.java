package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a trusted reverse proxy each visitor has a rate limit of their own, and only then. */
class ClientAddressTest {

  final ClientAddress behindNginx = new ClientAddress(List.of("127.0.0.1", "10.0.0.2"));

  @Test
  void aTrustedProxysForwardedForNamesTheClient() {
    assertEquals("203.0.113.7", behindNginx.of("127.0.0.1", "203.0.113.7"));
    assertEquals("203.0.113.7", behindNginx.of("127.0.0.1", "203.0.113.7, 10.0.0.2"));
    assertEquals("2001:db8::1", behindNginx.of("127.0.0.1", "2001:db8::1"));
  }

  @Test
  void whatTheClientWroteItselfIsNotBelieved() {
    // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw
    assertEquals("198.51.100.9", behindNginx.of("127.0.0.1", "1.2.3.4, 198.51.100.9"));
    assertEquals("198.51.100.9", behindNginx.of("198.51.100.9", "1.2.3.4"), "not via a proxy");
    assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", "not-an-address"));
    assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", null));
    assertEquals("127.0.0.1", behindNginx.of("127.0.0.1", "1.2.3.4,".repeat(200)));
  }

  @Test
  void behindATrustedProxyEachVisitorHasTheirOwnSignInLimit(@TempDir Path dir) {
    Config config =
        new Config("127.0.0.1", 0, dir)
            .withEmbeddingModel("none")
            .withTrustedProxies(List.of("127.0.0.1"));
    try (App app = TestApps.serving(new App(config), "web/2026-08-21.json")) {
      String base = TestApps.baseUrl(app);
      List<Integer> visitors = signIns(base, "203.0.113.", 35);
      assertEquals(35, visitors.stream().filter(s -> s == 401).count(), visitors.toString());
      List<Integer> oneVisitor = signIns(base, "198.51.100.7#", 31);
      assertEquals(429, oneVisitor.get(30), oneVisitor.toString());
    }
  }

  @Test
  void withoutTrustingTheProxyItsHeaderChangesNothing(@TempDir Path dir) {
    Config config = new Config("127.0.0.1", 0, dir).withEmbeddingModel("none");
    try (App app = TestApps.serving(new App(config), "web/2026-08-21.json")) {
      List<Integer> forged = signIns(TestApps.baseUrl(app), "203.0.113.", 31);
      assertEquals(429, forged.get(30), "one connection address, one limit: " + forged);
    }
  }

  /** Wrong-password sign-ins, each through the proxy for the given client address. */
  private static List<Integer> signIns(String base, String client, int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String address = client.endsWith("#") ? client.substring(0, client.length() - 1) : client + i;
      WebClient browser = new WebClient(base);
      browser.get("/signin");
      out.add(
          browser
              .postRaw(
                  "/signin",
                  WebClient.form(
                      "email",
                      "user" + i + "@example.org",
                      "password",
                      "x",
                      "_csrf",
                      browser.csrf()),
                  Map.of("X-Forwarded-For", address))
              .statusCode());
    }
    return out;
  }
}
