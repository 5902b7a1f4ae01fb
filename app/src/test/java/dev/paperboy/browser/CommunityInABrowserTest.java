package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.community.Role;
import dev.paperboy.harvest.FakeArxiv;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The research community as a person meets it in real headless Chromium: signing up and in,
 * upvoting, submitting, commenting and collecting, and the refusals along the way. arXiv is
 * replayed from recorded answers on a local port.
 */
class CommunityInABrowserTest {

  static final String PASSWORD = "correct horse battery";
  static final Instant AUG_22 = Instant.parse("2026-08-22T09:00:00Z");

  @TempDir static Path dir;
  static TestClock clock = new TestClock(AUG_22);
  static FakeArxiv arxiv;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    arxiv = new FakeArxiv(clock).replaying("id_1605.08386_s0_m100_199195aa31ad.json");
    app =
        TestApps.serving(
            dir,
            clock,
            arxiv.endpoint(),
            "web/2026-08-20.json",
            "web/2026-08-21.json",
            "ingest/listings");
    base = TestApps.baseUrl(app);
    app.community().accounts().create("grace@example.org", "Grace", PASSWORD, Role.USER);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    app.close();
    arxiv.close();
  }

  @BeforeEach
  void signedOutToday() {
    clock.set(AUG_22);
    browser.manage().deleteAllCookies();
  }

  static WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  static void go(WebElement target) {
    Browser.go(browser, target);
  }

  static WebDriverWait waiting() {
    return Browser.waiting(browser);
  }

  static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  static void signIn(String email) {
    browser.get(base + "/signin");
    find("input[name=email]").sendKeys(email);
    find("input[name=password]").sendKeys(PASSWORD);
    go(find("form.stack button[type=submit]"));
    assertEquals(base + "/", browser.getCurrentUrl());
  }

  @Test
  void aNewcomerSignsUpFromTheMailedLinkSignsOutAndIsToldAboutAWrongPassword() {
    browser.get(base + "/");
    go(browser.findElement(By.linkText("Sign up")));
    find("input[name=email]").sendKeys("ada@example.org");
    find("input[name=name]").sendKeys("Ada Lovelace");
    find("input[name=password]").sendKeys(PASSWORD);
    go(find("form.stack button[type=submit]"));
    assertEquals("Check your inbox", find("h1").getText());

    browser.get(base + TestApps.mailedLink(app, "ada@example.org", "/signup/confirm"));
    go(find("form.stack button[type=submit]"));
    assertEquals("Ada Lovelace", find(".account .me").getText());

    go(find(".account form button")); // sign out
    assertEquals("Sign in", browser.findElement(By.linkText("Sign in")).getText());

    browser.get(base + "/signin");
    find("input[name=email]").sendKeys("ada@example.org");
    find("input[name=password]").sendKeys("not my password");
    go(find("form.stack button[type=submit]"));
    assertEquals("Wrong email address or password.", find("p.error").getText());
    assertEquals("ada@example.org", find("input[name=email]").getAttribute("value"), "kept");
    find("input[name=password]").sendKeys(PASSWORD);
    go(find("form.stack button[type=submit]"));
    assertEquals("Ada Lovelace", find(".account .me").getText());
  }

  @Test
  void anUpvoteCountsAtOnceWithoutReloadingAndTogglesBack() {
    signIn("grace@example.org");
    browser.get(base + "/papers/date/2026-08-21");
    WebElement card = find("article.card[data-paper-id='2608.20335']");
    int before = Integer.parseInt(card.findElement(By.cssSelector(".votes .count")).getText());
    js("window.stillHere = true;");
    card.findElement(By.cssSelector("button.votes")).click();
    waiting()
        .until(
            d ->
                card.findElement(By.cssSelector(".votes .count"))
                    .getText()
                    .equals("" + (before + 1)));
    assertEquals(Boolean.TRUE, js("return window.stillHere;"));
    assertEquals(
        "true", card.findElement(By.cssSelector("button.votes")).getAttribute("aria-pressed"));

    browser.navigate().refresh();
    WebElement again = find("article.card[data-paper-id='2608.20335']");
    assertEquals("" + (before + 1), again.findElement(By.cssSelector(".votes .count")).getText());
    again.findElement(By.cssSelector("button.votes")).click();
    waiting()
        .until(
            d -> again.findElement(By.cssSelector(".votes .count")).getText().equals("" + before));
  }

  @Test
  void aSignedOutUpvoteLeadsToSignInAndBack() {
    browser.get(base + "/papers/2608.20335");
    find(".actions button.votes").click();
    waiting().until(d -> d.getCurrentUrl().startsWith(base + "/signin?next="));
    find("input[name=email]").sendKeys("grace@example.org");
    find("input[name=password]").sendKeys(PASSWORD);
    go(find("form.stack button[type=submit]"));
    assertEquals(base + "/papers/2608.20335", browser.getCurrentUrl());
  }

  @Test
  void aSubmittedPaperIsFetchedFromArxivAndLandsOnTodaysFeed() {
    clock.set(Instant.parse("2016-05-30T10:00:00Z")); // the recorded paper was new then
    signIn("grace@example.org");
    go(browser.findElement(By.linkText("Submit")));
    find("input[name=arxiv]").sendKeys("https://arxiv.org/abs/1605.08386v1");
    find("textarea[name=comment]").sendKeys("A neat bound on **mixing**.");
    go(find("form.stack button[type=submit]"));
    waiting().until(d -> d.getCurrentUrl().equals(base + "/papers/1605.08386"));
    assertEquals("Heat-bath random walks with Markov bases", find("article.paper h1").getText());
    assertTrue(find("p.submitted").getText().startsWith("Submitted by Grace"));
    assertEquals("mixing", find(".comments .comment .body strong").getText());
    browser.get(base + "/papers/date/2016-05-30");
    assertEquals(
        List.of("1605.08386"),
        browser.findElements(By.cssSelector("article.card")).stream()
            .map(c -> c.getAttribute("data-paper-id"))
            .toList());
  }

  @Test
  void aDuplicateOrTooOldSubmissionIsRefusedWithTheReason() {
    signIn("grace@example.org");
    browser.get(base + "/submit");
    find("input[name=arxiv]").sendKeys("2608.19880");
    go(find("form.stack button[type=submit]"));
    assertTrue(
        find("p.error")
            .getText()
            .startsWith("2608.19880 is already on the Daily Papers feed of 21 Aug 2026"),
        find("p.error").getText());

    find("input[name=arxiv]").clear();
    find("input[name=arxiv]").sendKeys("2503.15617");
    go(find("form.stack button[type=submit]"));
    assertTrue(
        find("p.error").getText().contains("more than 14 days ago"), find("p.error").getText());
  }

  @Test
  void aCommentAndAReplyAppearInTheThread() {
    signIn("grace@example.org");
    browser.get(base + "/papers/2608.19197");
    find("form.new-comment textarea").sendKeys("The **ablation** in section 4 is the key.");
    go(find("form.new-comment button"));
    WebElement comment = find(".comments .comment.depth-0");
    assertEquals("ablation", comment.findElement(By.cssSelector(".body strong")).getText());
    comment.findElement(By.cssSelector("details summary")).click(); // Reply
    comment.findElement(By.cssSelector("details textarea")).sendKeys("Agreed.");
    go(comment.findElement(By.cssSelector("details button")));
    WebElement reply = find(".comments .comment.depth-1");
    assertEquals("Agreed.", reply.findElement(By.cssSelector(".body")).getText());
    assertEquals("2 comments", find(".comments h2").getText());
  }

  @Test
  void aCollectionIsBuiltFromPaperPagesAndSharedByItsLink() {
    signIn("grace@example.org");
    browser.get(base + "/papers/2608.19880");
    find("form.new-collection input[name=name]").sendKeys("Agents to read");
    go(find("form.new-collection button"));
    assertEquals(base + "/papers/2608.19880", browser.getCurrentUrl());
    assertTrue(find(".collect .choices").getText().contains("Agents to read ✓"));
    clock.advance(Duration.ofMinutes(1));
    browser.get(base + "/papers/2608.20335");
    go(find(".collect .choices button")); // add
    go(browser.findElement(By.linkText("Agents to read")));
    String shared = browser.getCurrentUrl();
    assertEquals(
        List.of("2608.20335", "2608.19880"),
        browser.findElements(By.cssSelector("article.card")).stream()
            .map(c -> c.getAttribute("data-paper-id"))
            .toList());

    browser.manage().deleteAllCookies(); // anyone with the link
    browser.get(shared);
    assertEquals("Agents to read", find("h1").getText());
    assertEquals(2, browser.findElements(By.cssSelector("article.card")).size());
  }
}
