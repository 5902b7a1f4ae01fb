package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestVectors;
import dev.paperboy.community.Role;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A reader subscribes to feeds the way a feed reader is given them, from what a real Chromium
 * shows: a day page's visible RSS link, and their private For-you address from the settings page.
 * Each is fetched and parsed with ROME.
 */
class FeedsInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = ForYouInABrowserTest.servingWithVectors(dir);
    TestVectors.store(app);
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  static SyndFeed subscribe(String url) throws Exception {
    HttpResponse<String> res =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode(), url);
    return new SyndFeedInput().build(new StringReader(res.body()));
  }

  @Test
  void aDayPagesRssLinkAndTheReadersPrivateForYouFeedParse() throws Exception {
    browser.get(base + "/papers/date/2026-08-21");
    List<String> cards =
        browser.findElements(By.cssSelector(".cards article.card")).stream()
            .map(c -> c.getAttribute("data-paper-id"))
            .toList();
    assertFalse(cards.isEmpty());
    String rss =
        browser
            .findElement(By.cssSelector(".feed-links a[type='application/rss+xml']"))
            .getAttribute("href");
    SyndFeed day = subscribe(rss);
    List<SyndEntry> entries = day.getEntries();
    assertFalse(entries.isEmpty());
    assertEquals(
        cards.subList(0, Math.min(cards.size(), entries.size())),
        entries.stream().map(e -> e.getUri().replace("https://arxiv.org/abs/", "")).toList(),
        "the feed lists the page's papers in its order");

    app.community().accounts().create("bea@example.org", "Bea", "correct horse battery", Role.USER);
    Browser.signIn(browser, base, "bea@example.org", "correct horse battery");
    browser.get(base + "/settings");
    Browser.go(
        browser, browser.findElement(By.cssSelector("form[action='/settings/feed-token'] button")));
    String mine = browser.findElement(By.id("private-feed-url")).getAttribute("value");
    assertTrue(mine.startsWith(base + "/feeds/rss/private/"), mine);
    SyndFeed forYou = subscribe(mine);
    assertTrue(forYou.getTitle().startsWith("For you"), forYou.getTitle());
    assertFalse(forYou.getEntries().isEmpty(), "a new reader's feed starts from trending");
    for (SyndEntry e : forYou.getEntries()) {
      assertTrue(e.getLink().startsWith(base + "/papers/"), e.getLink());
    }
  }
}
