package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.digest.DigestJob;
import dev.paperboy.digest.DigestPeriod;
import dev.paperboy.digest.MailSettings;
import dev.paperboy.digest.Subscription;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A "For you" digest over real SMTP: the reader's ranking, with its reasons, in text and HTML. */
class ForYouDigestTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @TempDir Path dir;
  App app;

  @BeforeEach
  void start() {
    MailSettings mail = TestApps.smtpOn(greenMail.getSmtp().getPort());
    Config config = new Config("127.0.0.1", 0, dir).withEmbeddingModel("none").withMail(mail);
    app =
        TestApps.serving(
            new App(config, TestClock.at("2026-08-22T10:00:00Z")), "web/2026-08-21.json");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aForYouDigestListsTheReadersPapersFirstWithWhy() throws Exception {
    WebClient ada = WebClient.signedIn(app, "ada", "correct horse battery");
    ada.post("/follows", "kind", "author", "key", "qianxi yan", "label", "Qianxi Yan");
    HttpResponse<String> subscribed =
        ada.post(
            "/subscribe",
            "email",
            "ada@example.org",
            "frequency",
            "daily",
            "kind",
            "for_you",
            "back",
            "/settings");
    assertTrue(subscribed.statusCode() < 400, subscribed.body());
    assertTrue(greenMail.waitForIncomingEmail(10_000, 1), "the confirmation arrives");
    String confirmation = textOf(greenMail.getReceivedMessages()[0]);
    String confirm =
        confirmation
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith(app.config().publicUrl() + "/subscriptions/confirm?"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no confirm link in:\n" + confirmation));
    assertEquals(200, ada.get(DigestWebTest.pathOf(confirm)).statusCode());
    Subscription s = app.digests().subscriptions().findByEmail("ada@example.org").orElseThrow();
    assertEquals(Subscription.Kind.FOR_YOU, s.kind());
    greenMail.purgeEmailFromAllMailboxes();

    DigestJob.Report report =
        app.digests()
            .job()
            .run(
                DigestPeriod.daily(LocalDate.of(2026, 8, 24)),
                DigestJob.Options.ALL,
                new PrintStream(OutputStream.nullOutputStream()));
    assertEquals(1, report.queued(), report.toString());
    app.digests().outbox().deliverDue(app.digests().mailer());

    assertTrue(greenMail.waitForIncomingEmail(10_000, 1), "the digest arrives");
    MimeMessage digest = greenMail.getReceivedMessages()[0];
    assertTrue(digest.getSubject().contains("papers for you"), digest.getSubject());
    String text = textOf(digest);
    String html = (String) ((MimeMultipart) digest.getContent()).getBodyPart(1).getContent();
    assertTrue(text.startsWith("Paperboy · Daily papers for you"), text);
    assertTrue(
        text.contains("1. SkillEvo") && text.contains("Why: by Qianxi Yan you follow"), text);
    assertTrue(text.contains("Why: trending"), "the rest say they are trending:\n" + text);
    assertTrue(html.contains("Why: by Qianxi Yan you follow"), html);
  }

  static String textOf(MimeMessage m) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
  }
}
