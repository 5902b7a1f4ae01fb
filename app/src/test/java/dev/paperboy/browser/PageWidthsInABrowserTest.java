package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Every page type fits a phone: nothing wider than the window at 320 and 390 px (nor at 1280), so
 * no page scrolls sideways. A wide table scrolls inside itself.
 */
class PageWidthsInABrowserTest {

  private static final List<String> PAGES =
      List.of(
          "/",
          "/papers/date/2026-08-21",
          "/papers/week/2026-W34",
          "/papers/month/2026-08",
          "/papers/trending",
          "/papers/2608.19880",
          "/authors/chengsong%20huang",
          "/authors/haitz%20saez%20de%20ocariz%20borde",
          "/orgs/google",
          "/orgs/NationalUniversityofSingapore",
          "/authors/nobody%20at%20all",
          "/search?q=agents",
          "/search?q=qwertyuiop",
          "/search?q=agents&cat=cs.XX",
          "/papers/2501.99999",
          "/signin",
          "/signup",
          "/submit",
          "/status");

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    app.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {320, 390, 1280})
  void noPageIsWiderThanTheWindow(int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    List<String> wide = new ArrayList<>();
    for (String page : PAGES) {
      browser.get(base + page);
      Object sticking =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "const w = document.documentElement.clientWidth;"
                      + " if (document.documentElement.scrollWidth <= w) return null;"
                      + " return [...document.querySelectorAll('body *')]"
                      + ".filter(e => e.getBoundingClientRect().right > w + 1)"
                      + ".slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + e.className"
                      + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
      if (sticking != null) {
        wide.add(page + " (" + sticking + ")");
      }
    }
    assertEquals(List.of(), wide, "pages wider than " + width + " px");
  }
}
