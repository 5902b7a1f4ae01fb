package dev.paperboy.browser;

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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Subscribing from the feed page in real Chromium, confirming from the mail, changing choices. */
class SubscribingInABrowserTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    MailSettings mail = TestApps.smtpOn(greenMail.getSmtp().getPort());
    app =
        new App(
            new Config("127.0.0.1", 0, dir).withEmbeddingModel("none").withMail(mail),
            TestClock.at("2026-08-21T10:00:00Z"));
    app.serve();
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @Test
  void aVisitorSubscribesFromTheFeedAndConfirmsFromTheMail() throws Exception {
    browser.get(base + "/");
    browser
        .findElement(By.cssSelector("form.subscribe input[name=email]"))
        .sendKeys("ada@example.org");
    Browser.go(browser, browser.findElement(By.cssSelector("form.subscribe button")));
    assertEquals("Check your inbox", browser.findElement(By.cssSelector("main h1")).getText());

    assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    String link =
        text.lines()
            .map(String::strip)
            .filter(l -> l.contains("/subscriptions/confirm?"))
            .findFirst()
            .orElseThrow();
    browser.get(base + link.substring(link.indexOf("/subscriptions/confirm?")));
    assertEquals("You are subscribed", browser.findElement(By.cssSelector("main h1")).getText());

    Browser.go(browser, browser.findElement(By.linkText("Change what you get")));
    browser.findElement(By.cssSelector("input[name=frequency][value=weekly]")).click();
    Browser.go(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    assertEquals("Saved.", browser.findElement(By.cssSelector("p.notice")).getText());
    assertEquals(
        Subscription.Frequency.WEEKLY,
        app.digests().subscriptions().findByEmail("ada@example.org").orElseThrow().frequency());
  }
}
