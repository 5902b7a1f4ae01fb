package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What a person sees in a real headless Chromium, on real recorded papers. */
class ReadingTheFeedInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app =
        TestApps.serving(
            dir, "web/2026-08-20.json", "web/2026-08-21.json", "web/2026-07-01.jsonl.gz");
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @Test
  void aDayPageListsCardsByUpvotesAndLeadsToThePaper() {
    browser.get(base + "/papers/date/2026-08-21");
    assertEquals("Daily Papers", browser.findElement(By.tagName("h1")).getText());
    List<WebElement> cards = browser.findElements(By.cssSelector("article.card"));
    assertEquals(17, cards.size(), "every paper of the recorded day");
    List<Integer> votes =
        cards.stream()
            .map(c -> Integer.parseInt(c.findElement(By.cssSelector(".votes .count")).getText()))
            .toList();
    assertEquals(163, votes.get(0));
    for (int i = 1; i < votes.size(); i++) {
      assertTrue(votes.get(i - 1) >= votes.get(i), "ordered by upvotes: " + votes);
    }
    WebElement first = cards.get(0);
    assertTrue(first.getText().contains("17 authors"), first.getText());
    assertTrue(first.getText().contains("Google"), "organisation shown: " + first.getText());

    Browser.go(browser, first.findElement(By.cssSelector(".title a")));

    assertEquals(base + "/papers/2608.19880", browser.getCurrentUrl());
    assertEquals(
        "EnvHarness: Awakening Static Worlds for Agent Learning",
        browser.findElement(By.tagName("h1")).getText());
    String page = browser.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("Chengsong Huang"), "first author");
    assertTrue(page.contains("Chen-Yu Lee"), "last author");
    assertTrue(page.contains("AI-generated summary"));
    assertEquals(
        "https://arxiv.org/pdf/2608.19880",
        browser.findElement(By.linkText("PDF")).getAttribute("href"));
    assertEquals(
        "https://github.com/google-research/envharness",
        browser.findElement(By.cssSelector("a.code")).getAttribute("href"));
    assertEquals(
        "EnvHarness: Awakening Static Worlds for Agent Learning",
        browser.findElement(By.cssSelector("meta[name=citation_title]")).getAttribute("content"));
  }

  @Test
  void previousDayAndWeeklySwitchNavigate() {
    browser.get(base + "/papers/date/2026-08-21");
    Browser.go(browser, browser.findElement(By.cssSelector("a.prev")));
    assertEquals(base + "/papers/date/2026-08-20", browser.getCurrentUrl());
    assertEquals(15, browser.findElements(By.cssSelector("article.card")).size());

    Browser.go(browser, browser.findElement(By.linkText("Weekly")));
    assertEquals(base + "/papers/week/2026-W34", browser.getCurrentUrl());
    assertEquals(32, browser.findElements(By.cssSelector("article.card")).size());
  }

  @Test
  void aWeekendDaySaysWhyItIsEmpty() {
    browser.get(base + "/papers/date/2026-08-22");
    String text = browser.findElement(By.cssSelector("p.empty")).getText();
    assertTrue(text.contains("arXiv does not announce at weekends"), text);
    assertTrue(browser.findElements(By.cssSelector("article.card")).isEmpty());
  }

  @Test
  void theSearchBoxFindsAPaperWithItsWordsHighlighted() {
    browser.get(base + "/papers/date/2026-08-20");
    WebElement box = browser.findElement(By.cssSelector("header input[name=q]"));
    box.sendKeys("awakening static worlds");
    Browser.go(browser, box::submit);
    assertTrue(
        browser.getCurrentUrl().startsWith(base + "/search?q=awakening"), browser.getCurrentUrl());
    WebElement first = browser.findElements(By.cssSelector("article.card")).get(0);
    assertEquals("2608.19880", first.getAttribute("data-paper-id"));
    List<String> marked =
        first.findElements(By.cssSelector(".title mark")).stream()
            .map(WebElement::getText)
            .toList();
    // the words as a phrase, marked as one
    assertEquals(List.of("Awakening Static Worlds"), marked);
    Browser.go(browser, first.findElement(By.cssSelector(".title a")));
    assertEquals(base + "/papers/2608.19880", browser.getCurrentUrl());
  }

  @Test
  void texInAnAbstractIsTypesetByTheBundledKatex() {
    browser.get(base + "/papers/2606.31294");
    WebElement abstractText = browser.findElement(By.cssSelector("p.abstract"));
    assertFalse(
        abstractText.findElements(By.cssSelector(".katex")).isEmpty(),
        "KaTeX rendered the formulas");
    assertFalse(abstractText.getText().contains("$q$"), "no raw TeX delimiters left");
  }
}
