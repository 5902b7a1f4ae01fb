package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.digest.MailSettings;
import dev.paperboy.digest.Subscription;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Subscribing, confirming, managing and unsubscribing over HTTP, with mail through real SMTP. */
class DigestWebTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dir;
  App app;
  String base;

  @BeforeEach
  void start() {
    MailSettings mail = TestApps.smtpOn(greenMail.getSmtp().getPort());
    Config config = new Config("127.0.0.1", 0, dir).withEmbeddingModel("none").withMail(mail);
    app = new App(config, TestClock.at("2026-08-21T10:00:00Z"));
    app.serve();
    base = TestApps.baseUrl(app);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** The link in the newest mail's text part that starts with {@code prefix}. */
  static String linkInMail(String prefix) throws Exception {
    assertTrue(greenMail.waitForIncomingEmail(10_000, 1), "a mail arrives");
    MimeMessage[] all = greenMail.getReceivedMessages();
    String text =
        (String) ((MimeMultipart) all[all.length - 1].getContent()).getBodyPart(0).getContent();
    return text.lines()
        .map(String::strip)
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " link in:\n" + text));
  }

  static String pathOf(String url) {
    URI u = URI.create(url);
    return u.getRawPath() + "?" + u.getRawQuery();
  }

  @Test
  void aReaderSubscribesConfirmsChangesAndUnsubscribesWithOneClick() throws Exception {
    WebClient reader = new WebClient(base);
    HttpResponse<String> subscribed =
        reader.post("/subscribe", "email", "ada@example.org", "frequency", "weekly");
    assertEquals(200, subscribed.statusCode());
    assertTrue(subscribed.body().contains("Check your inbox"));

    String confirm = linkInMail(app.config().publicUrl() + "/subscriptions/confirm?");
    HttpResponse<String> confirmed = reader.get(pathOf(confirm));
    assertEquals(200, confirmed.statusCode());
    assertTrue(confirmed.body().contains("You are subscribed"), confirmed.body());
    Subscription s = app.digests().subscriptions().findByEmail("ada@example.org").orElseThrow();
    assertEquals(Subscription.State.CONFIRMED, s.state());
    assertEquals(Subscription.Frequency.WEEKLY, s.frequency());

    String manage = app.digests().subscriptions().links().manage(s);
    Map<String, String> q =
        Map.of("s", "" + s.id(), "t", app.digests().subscriptions().links().manageToken(s));
    assertEquals(200, reader.get(pathOf(manage)).statusCode());
    HttpResponse<String> saved =
        reader.post(
            "/subscriptions/manage",
            "s",
            q.get("s"),
            "t",
            q.get("t"),
            "frequency",
            "daily",
            "kind",
            "topics",
            "keywords",
            "diffusion models\nagent harness",
            "categories",
            "cs.CL, cs.LG");
    assertEquals(200, saved.statusCode());
    Subscription changed = app.digests().subscriptions().find(s.id()).orElseThrow();
    assertEquals(Subscription.Kind.TOPICS, changed.kind());
    assertEquals(java.util.List.of("cs.CL", "cs.LG"), changed.categories());

    // a mail program's one-click unsubscribe: a bare POST, no cookie, no CSRF token
    String unsubscribe = app.digests().subscriptions().links().unsubscribe(changed);
    HttpResponse<String> oneClick =
        new WebClient(base)
            .postRaw(pathOf(unsubscribe), Map.of("List-Unsubscribe", "One-Click"), Map.of());
    assertEquals(200, oneClick.statusCode());
    assertEquals(
        Subscription.State.UNSUBSCRIBED,
        app.digests().subscriptions().find(s.id()).orElseThrow().state());
  }

  @Test
  void openingTheUnsubscribeLinkAsksFirstSoAMailScannerUnsubscribesNobody() throws Exception {
    WebClient reader = new WebClient(base);
    reader.post("/subscribe", "email", "grace@example.org");
    reader.get(pathOf(linkInMail(app.config().publicUrl() + "/subscriptions/confirm?")));
    Subscription s = app.digests().subscriptions().findByEmail("grace@example.org").orElseThrow();
    String link = pathOf(app.digests().subscriptions().links().unsubscribe(s));

    HttpResponse<String> scanned = new WebClient(base).get(link);
    assertEquals(200, scanned.statusCode());
    assertTrue(scanned.body().contains("Stop every digest to this address?"), scanned.body());
    assertEquals(
        Subscription.State.CONFIRMED,
        app.digests().subscriptions().find(s.id()).orElseThrow().state(),
        "opening the link changes nothing");

    HttpResponse<String> pressed = reader.post(link, "page", "1");
    assertEquals(200, pressed.statusCode(), pressed.body());
    assertTrue(pressed.body().contains("You are unsubscribed"), pressed.body());
    assertEquals(
        Subscription.State.UNSUBSCRIBED,
        app.digests().subscriptions().find(s.id()).orElseThrow().state());
  }

  @Test
  void aConfirmLinkWithAnExpiryBeyondTimeItselfIsRefused() throws Exception {
    WebClient reader = new WebClient(base);
    reader.post("/subscribe", "email", "bob@example.org");
    Subscription s = app.digests().subscriptions().findByEmail("bob@example.org").orElseThrow();
    HttpResponse<String> r =
        reader.get("/subscriptions/confirm?s=" + s.id() + "&e=9223372036854775807&t=forged");
    assertEquals(400, r.statusCode(), r.body());
  }

  @Test
  void forgedOrBrokenLinksAndBadAddressesAreRefusedPolitely() {
    WebClient reader = new WebClient(base);
    assertEquals(400, reader.post("/subscribe", "email", "not an address").statusCode());
    assertEquals(400, reader.get("/subscriptions/confirm?s=1&e=9999999999&t=forged").statusCode());
    assertEquals(400, reader.get("/subscriptions/confirm?s=x").statusCode());
    assertEquals(400, reader.get("/unsubscribe?s=1&t=forged").statusCode());
    assertEquals(400, reader.get("/subscriptions/manage?s=1&t=forged").statusCode());
  }

  @Test
  void theFeedOffersTheSubscribeBox() {
    String page = new WebClient(base).get("/").body();
    assertTrue(page.contains("Get trending papers in your email inbox!"));
    assertTrue(page.contains("action=\"/subscribe\""));
  }
}
