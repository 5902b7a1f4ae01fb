package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.TestVectors;
import dev.paperboy.community.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A reader teaches "For you" in real Chromium: follows an author, upvotes three papers, sees the
 * ranking change with its reasons, and hides a paper.
 */
class ForYouInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;
  static List<String> liked;

  @BeforeAll
  static void start() {
    app = servingWithVectors(dir);
    liked = TestVectors.store(app);
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  /** The browser pages' days, served with the test vectors' model (the caller stores them). */
  static App servingWithVectors(Path dir) {
    return TestApps.serving(
        new App(
            TestDatabases.config(dir).withEmbeddingModel(TestVectors.MODEL),
            TestClock.at("2026-08-22T09:00:00Z")),
        PageTypes.DAYS);
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  static List<WebElement> cards() {
    List<WebElement> cards = browser.findElements(By.cssSelector(".cards article.card"));
    assertFalse(cards.isEmpty(), "For you has papers");
    return cards;
  }

  static String reasons(WebElement card) {
    return card.findElement(By.cssSelector(".reasons")).getText();
  }

  @Test
  void followingAndUpvotingChangeForYouAndAHiddenPaperLeavesIt() {
    app.community().accounts().create("ada@example.org", "Ada", "correct horse battery", Role.USER);
    Browser.signIn(browser, base, "ada@example.org", "correct horse battery");
    Browser.go(browser, browser.findElement(By.linkText("For you")));
    browser.get(base + "/for-you?date=2026-08-21");
    WebElement coldFirst = cards().get(0);
    assertEquals("2608.19880", coldFirst.getAttribute("data-paper-id"));
    assertTrue(reasons(coldFirst).contains("trending"), reasons(coldFirst));

    browser.get(base + "/authors/qianxi%20yan");
    Browser.go(browser, browser.findElement(By.cssSelector("form.follow button")));
    assertEquals(base + "/authors/qianxi%20yan", browser.getCurrentUrl());
    assertTrue(
        browser
            .findElement(By.cssSelector("form.follow button"))
            .getText()
            .startsWith("Following"));

    browser.get(base + "/papers/date/2026-08-20");
    for (String id : liked) {
      WebElement vote =
          browser.findElement(
              By.cssSelector("article.card[data-paper-id='" + id + "'] form.vote button"));
      vote.click();
      Browser.waiting(browser).until(d -> "true".equals(vote.getAttribute("aria-pressed")));
    }

    browser.get(base + "/for-you?date=2026-08-21");
    WebElement first = cards().get(0);
    assertEquals(TestVectors.NEAR, first.getAttribute("data-paper-id"));
    String why = reasons(first);
    assertTrue(why.contains("by Qianxi Yan you follow"), why);
    assertTrue(why.contains("that you upvoted"), why);
    assertFalse(
        first.findElements(By.cssSelector(".reasons a[href='/authors/qianxi%20yan']")).isEmpty(),
        "the author in the reason links to their page");

    Browser.go(browser, first.findElement(By.cssSelector("button.mark-hidden")));
    List<String> shown = cards().stream().map(c -> c.getAttribute("data-paper-id")).toList();
    assertFalse(shown.contains(TestVectors.NEAR), shown.toString());
  }
}
