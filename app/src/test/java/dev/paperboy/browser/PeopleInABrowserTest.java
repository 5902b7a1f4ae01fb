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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * From a card to its author, from the author to an organisation and back to a member, in real
 * Chromium. (axe-core checks these pages with every other page type, in
 * AccessibilityInABrowserTest.)
 */
class PeopleInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @Test
  void anAuthorOnACardLeadsToTheirPageAndOnToTheirOrganisation() {
    browser.manage().window().setSize(new Dimension(1200, 1000));
    browser.get(base + "/papers/date/2026-08-21");
    WebElement card =
        browser.findElement(By.cssSelector("article.card[data-paper-id='2608.19880']"));

    Browser.go(browser, card.findElement(By.linkText("Chengsong Huang")));

    assertEquals(base + "/authors/chengsong%20huang", browser.getCurrentUrl());
    assertEquals("Chengsong Huang", browser.findElement(By.tagName("h1")).getText());
    List<WebElement> papers = browser.findElements(By.cssSelector(".person-papers article.card"));
    assertFalse(papers.isEmpty());
    assertEquals("2608.19880", papers.get(0).getAttribute("data-paper-id"));
    assertTrue(
        browser.findElement(By.cssSelector("p.follow")).getText().contains("to follow this author"),
        "signed out, following asks to sign in first");
    List<String> coauthors =
        browser.findElements(By.cssSelector(".person-side li a:not(.org)")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(coauthors.contains("Zifeng Wang"), coauthors.toString());

    Browser.go(browser, browser.findElement(By.cssSelector(".person-side a.org")));

    assertEquals(base + "/orgs/google", browser.getCurrentUrl());
    assertEquals("Google", browser.findElement(By.tagName("h1")).getText());
    assertTrue(
        browser.findElement(By.cssSelector("h3.day")).getText().contains("2026"),
        "papers under their day");

    Browser.go(
        browser,
        browser
            .findElement(By.cssSelector(".person-side"))
            .findElement(By.linkText("Zifeng Wang")));

    assertEquals(base + "/authors/zifeng%20wang", browser.getCurrentUrl());
    assertEquals("Zifeng Wang", browser.findElement(By.tagName("h1")).getText());
  }

  @Test
  void anAccentedAuthorOnThePaperPageLeadsToTheirPage() {
    browser.get(base + "/papers/2608.18171");
    Browser.go(browser, browser.findElement(By.linkText("Haitz Sáez de Ocáriz Borde")));
    assertEquals("Haitz Sáez de Ocáriz Borde", browser.findElement(By.tagName("h1")).getText());
  }
}
