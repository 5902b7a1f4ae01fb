package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.thumbnail.ImageType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Every page type fits a phone: nothing wider than the window at 320 and 390 px (nor at 768, where
 * cards start showing thumbnails, or 1280), so no page scrolls sideways. A wide table scrolls
 * inside itself.
 */
class PageWidthsInABrowserTest {

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.serving(dir, PageTypes.DAYS);
    base = TestApps.baseUrl(app);
    // a wide thumbnail on the top card, where the cards show one from 768 px
    BufferedImage image = new BufferedImage(1200, 648, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    app.thumbnails().cache().put("2608.19880", ImageType.PNG, png.toByteArray());
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @ParameterizedTest
  @ValueSource(ints = {320, 390, 768, 1280})
  void noPageIsWiderThanTheWindow(int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    List<String> wide = new ArrayList<>();
    for (String page : PageTypes.SIGNED_OUT) {
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

  /** What {@code script} returns on a day's feed in a window {@code width} px wide. */
  private static Object onTheFeedAt(int width, String script) {
    browser.manage().window().setSize(new Dimension(width, 900));
    browser.get(base + "/papers/date/2026-08-21");
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1280})
  void theVoteBoxesOfAFeedAreAllAsWideWhateverTheirCount(int width) {
    Object widths =
        onTheFeedAt(
            width,
            "return [...new Set([...document.querySelectorAll('.card .votes')]"
                + ".map(e => Math.round(e.getBoundingClientRect().width)))];");
    assertEquals(1, ((List<?>) widths).size(), "vote box widths at " + width + ": " + widths);
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1280})
  void thumbnailsShowOnWideScreensOnly(int width) {
    Object shown =
        onTheFeedAt(
            width,
            "return [...document.querySelectorAll('.card .thumb')]"
                + ".filter(e => e.getBoundingClientRect().width > 0).length;");
    assertEquals(width >= 768 ? 17L : 0L, shown, "thumbnails or placeholders shown at " + width);
  }
}
