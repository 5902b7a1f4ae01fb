package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.community.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A paper someone looks for by its arXiv id and Paperboy does not have yet, in real headless
 * Chromium: search and the paper's link offer it, and a signed-in reader fetches it (arXiv replayed
 * from a recording on a local port) and lands on its page.
 */
class FetchingFromArxivInABrowserTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  static TestApps.WithArxiv served;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    served =
        TestApps.servingWithArxiv(
            dir,
            TestClock.at("2026-08-22T09:00:00Z"),
            List.of("id_1605.08386_s0_m100_199195aa31ad.json"),
            "web/2026-08-21.json");
    base = served.base();
    served.app().community().accounts().create("lin@example.org", "Lin", PASSWORD, Role.USER);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    served.close();
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1200, 1000));
  }

  static WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  static WebElement offer() {
    return find("section.arxiv-offer");
  }

  /** Signs in on the page a link led to and follows it back. */
  static void signInHere() {
    find("input[name=email]").sendKeys("lin@example.org");
    find("input[name=password]").sendKeys(PASSWORD);
    Browser.go(browser, find("form.stack button[type=submit]"));
  }

  static long overflow() {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth;");
  }

  @Test
  void aReaderSearchingForAnUnknownIdSignsInFetchesItAndLandsOnItsPage() {
    browser.get(base + "/search?q=" + "https://huggingface.co/papers/1605.08386");
    assertEquals(
        "arXiv 1605.08386 is not on Paperboy yet", offer().findElement(By.tagName("h2")).getText());
    assertEquals(
        "https://arxiv.org/abs/1605.08386",
        offer().findElement(By.partialLinkText("on arxiv.org")).getAttribute("href"));

    Browser.go(browser, offer().findElement(By.linkText("Sign in")));
    signInHere();
    assertTrue(browser.getCurrentUrl().startsWith(base + "/search?q="), browser.getCurrentUrl());

    Browser.go(browser, offer().findElement(By.cssSelector("form button[type=submit]")));
    Browser.waiting(browser).until(d -> d.getCurrentUrl().equals(base + "/papers/1605.08386"));
    assertEquals("Heat-bath random walks with Markov bases", find("article.paper h1").getText());
    browser.get(base + "/search?q=1605.08386");
    assertTrue(browser.findElements(By.cssSelector("section.arxiv-offer")).isEmpty(), "stored now");
  }

  @Test
  void theLinkOfAnUnknownPaperOffersFetchingOrSubmittingItEvenOnANarrowScreen() {
    browser.manage().window().setSize(new Dimension(320, 800));
    browser.get(base + "/papers/2401.12345");
    assertTrue(find("h1").getText().startsWith("404"), find("h1").getText());
    assertEquals(
        "arXiv 2401.12345 is not on Paperboy yet", offer().findElement(By.tagName("h2")).getText());
    assertTrue(overflow() <= 0, "nothing sticks out at 320 px: " + overflow());

    Browser.go(browser, offer().findElement(By.linkText("Sign in")));
    signInHere();
    assertEquals(base + "/papers/2401.12345", browser.getCurrentUrl());
    assertEquals(
        "Fetch 2401.12345 from arXiv",
        offer().findElement(By.cssSelector("form button[type=submit]")).getText());
    assertTrue(overflow() <= 0, "nothing sticks out at 320 px signed in: " + overflow());

    Browser.go(browser, offer().findElement(By.linkText("Submit it to today's feed")));
    assertEquals("2401.12345", find("input[name=arxiv]").getAttribute("value"));
  }
}
