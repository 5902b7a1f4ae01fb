package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies Paperboy will not read are refused with the reason before anything reads them. */
class RequestChecksTest {

  @TempDir static Path dir;
  static App app;
  static RawHttp http;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-21.json");
    http = new RawHttp(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aMultipartFormIsRefusedAsUnsupported() {
    RawHttp.Answer a =
        http.send(
            "POST",
            "/signin",
            "Content-Type: multipart/form-data; boundary=xyz\r\n",
            "--xyz\r\nbroken".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, a.status(), a.body());
    assertTrue(a.body().contains("application/x-www-form-urlencoded"), a.body());
  }

  @Test
  void anUnknownCharsetIsRefusedNamingIt() {
    RawHttp.Answer a =
        http.send(
            "POST",
            "/subscribe",
            "Content-Type: application/x-www-form-urlencoded; charset=klingon-8\r\n",
            "email=a%40b.org".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, a.status(), a.body());
    assertTrue(a.body().contains("klingon-8"), a.body());
  }

  @Test
  void aBodyOverTheCapIsRefusedWithoutReadingIt() {
    byte[] big = new byte[RequestChecks.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    RawHttp.Answer a =
        http.send("POST", "/signin", "Content-Type: application/x-www-form-urlencoded\r\n", big);
    assertEquals(413, a.status(), a.body());
    assertTrue(a.body().contains("at most 131072"), a.body());
  }

  @Test
  void onlyAnHttpsSiteSendsStrictTransportSecurity(@TempDir Path other) {
    assertFalse(http.send("GET", "/", "", null).head().contains("Strict-Transport-Security"));
    Config https = TestApps.behindHttps(other, Config.DEFAULT_ARXIV_API);
    try (App secure = new App(https)) {
      secure.serve();
      String head = new RawHttp(secure.port()).send("GET", "/", "", null).head();
      assertTrue(head.contains("Strict-Transport-Security: max-age=31536000"), head);
    }
  }
}
