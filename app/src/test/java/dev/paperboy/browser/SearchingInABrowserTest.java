package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Poll;
import dev.paperboy.TestApps;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Search filters, sorts and similar papers as a person uses them in real headless Chromium. */
class SearchingInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    // the server embeds in the background; help it through the backlog, then wait for the papers
    // its own thread claimed to have their vectors too, so similar papers are there
    app.search().backlog().embed(Long.MAX_VALUE, null);
    Poll.until(
        java.time.Duration.ofSeconds(60),
        "every paper's vector",
        () -> app.search().backlog().size() == 0);
    app.search().follower().catchUp(null);
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  static List<WebElement> cards() {
    return browser.findElements(By.cssSelector("article.card"));
  }

  static int upvotes(WebElement card) {
    return Integer.parseInt(card.findElement(By.cssSelector(".votes .count")).getText());
  }

  @Test
  void sortingByUpvotesWithCodeOnlyKeepsBothChoicesInTheUrl() {
    browser.get(base + "/search?q=agents");
    int everyMatch = cards().size();
    browser.findElement(By.cssSelector("#sort option[value=upvotes]")).click();
    browser.findElement(By.cssSelector("input[name=code]")).click();
    Browser.go(
        browser, browser.findElement(By.cssSelector("form.search-form button[type=submit]")));

    String url = browser.getCurrentUrl();
    assertTrue(url.contains("sort=upvotes") && url.contains("code=1"), url);
    List<WebElement> cards = cards();
    assertFalse(cards.isEmpty());
    assertTrue(cards.size() < everyMatch, "papers without code are filtered out");
    cards.forEach(c -> assertFalse(c.findElements(By.cssSelector("a.code")).isEmpty()));
    List<Integer> votes = cards.stream().map(SearchingInABrowserTest::upvotes).toList();
    assertEquals(votes.stream().sorted(Comparator.reverseOrder()).toList(), votes);
    // the form shows the choices the page was made with
    assertTrue(browser.findElement(By.cssSelector("#sort option[value=upvotes]")).isSelected());
    assertTrue(browser.findElement(By.cssSelector("input[name=code]")).isSelected());
  }

  @Test
  void aDateRangeOutsideThePapersFindsNothingAndSaysSo() {
    browser.get(base + "/search?q=agents&from=2020-01-01&to=2020-12-31");
    assertTrue(cards().isEmpty());
    assertTrue(
        browser.findElement(By.cssSelector("p.summary")).getText().startsWith("No papers"),
        browser.findElement(By.cssSelector("p.summary")).getText());
  }

  @Test
  void aPaperPageListsSimilarPapersThatLeadOn() {
    browser.get(base + "/papers/2608.19880");
    List<WebElement> similar = browser.findElements(By.cssSelector("section.similar article"));
    assertEquals(6, similar.size());
    List<String> ids = similar.stream().map(c -> c.getAttribute("data-paper-id")).toList();
    assertFalse(ids.contains("2608.19880"), "a paper is not similar to itself");
    assertTrue(ids.subList(0, 3).contains("2608.19197"), ids.toString());
    Browser.go(browser, similar.get(0).findElement(By.cssSelector(".title a")));
    assertEquals(base + "/papers/" + ids.get(0), browser.getCurrentUrl());
  }

  @Test
  void aQueryThatMatchesNothingSaysSoAndOffersAnotherSpelling() {
    browser.get(base + "/search?q=qwertyuiop");
    assertTrue(cards().isEmpty(), "no paper for a keyboard run");
    assertEquals(
        "No papers match “qwertyuiop”.",
        browser.findElement(By.cssSelector("p.summary")).getText());

    browser.get(
        base
            + "/search?q="
            + java.net.URLEncoder.encode(
                "EnvHarnass agentz benchmrk enviroments", java.nio.charset.StandardCharsets.UTF_8));
    // no paper has these words; whatever meaning finds is marked so, and the spelling is offered
    assertEquals(
        browser.findElements(By.cssSelector("article.card")).size(),
        browser.findElements(By.cssSelector("article.card .by-meaning")).size());
    WebElement respelled = browser.findElement(By.cssSelector(".suggestions a"));
    assertTrue(respelled.getText().contains("environments"), respelled.getText());
    Browser.go(browser, respelled);
    assertFalse(cards().isEmpty(), "the respelled query finds papers");
  }

  @Test
  void aFilterThatRemovedEveryMatchIsNamedWithALinkToSearchWithoutIt() {
    browser.get(base + "/search?q=agents&cat=cs.XX");
    assertTrue(cards().isEmpty());
    assertEquals(
        "No papers match “agents” with these filters.",
        browser.findElement(By.cssSelector("p.summary")).getText());
    WebElement suggestion = browser.findElement(By.cssSelector(".suggestions li"));
    assertTrue(
        suggestion.getText().startsWith("Nothing matches with the category filter (cs.XX);"),
        suggestion.getText());
    Browser.go(browser, suggestion.findElement(By.cssSelector("a")));
    assertFalse(browser.getCurrentUrl().contains("cat="), browser.getCurrentUrl());
    assertFalse(cards().isEmpty(), "without the filter, papers match");
  }

  @Test
  void papersFoundByMeaningAloneSayHowTheyMatched() {
    browser.get(
        base
            + "/search?q="
            + java.net.URLEncoder.encode(
                "turning a person filmed with one handheld camera into a moving 3D avatar",
                java.nio.charset.StandardCharsets.UTF_8));
    List<WebElement> cards = cards();
    assertFalse(cards.isEmpty());
    List<WebElement> labelled = browser.findElements(By.cssSelector("article.card .by-meaning"));
    assertFalse(labelled.isEmpty(), "some cards matched no word of the query");
    assertEquals("Related by meaning", labelled.get(0).getText());
    assertTrue(labelled.size() < cards.size(), "the rest matched words");
  }
}
