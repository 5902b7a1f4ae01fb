package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A reader who lives on the keyboard and reads at night: the keys move between papers and upvote
 * them, the skip link jumps over the header, and the pages turn dark with the system or the toggle.
 */
class KeysAndThemesInABrowserTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String DAY = "/papers/date/2026-08-21";
  private static final String DARK_BACKGROUND = "rgb(13, 17, 23)";
  private static final String LIGHT_BACKGROUND = "rgb(255, 255, 255)";

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, PageTypes.DAYS);
    app.community().accounts().create("grace@example.org", "Grace", PASSWORD, Role.USER);
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @BeforeEach
  void freshBrowser() {
    browser.get(base + "/healthz");
    browser.manage().deleteAllCookies();
    Browser.systemScheme(browser, "light");
  }

  static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  static String background() {
    return (String) js("return getComputedStyle(document.documentElement).backgroundColor;");
  }

  static void press(CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  static String selectedCard() {
    return (String)
        js(
            "const c = document.querySelector('article.card.selected');"
                + " return c && document.activeElement === c.querySelector('.title a')"
                + " ? c.dataset.paperId : null;");
  }

  @Test
  void pagesFollowTheSystemUntilTheToggleChoosesAndTheChoiceIsRemembered() {
    browser.get(base + DAY);
    assertEquals(LIGHT_BACKGROUND, background());
    Browser.systemScheme(browser, "dark");
    browser.navigate().refresh();
    assertEquals(DARK_BACKGROUND, background(), "the system asks for dark");

    WebElement toLight = browser.findElement(By.cssSelector("form.theme .to-light"));
    assertTrue(toLight.isDisplayed(), "the toggle offers the other theme");
    assertFalse(browser.findElement(By.cssSelector("form.theme .to-dark")).isDisplayed());
    toLight.click();
    Browser.waiting(browser).until(d -> LIGHT_BACKGROUND.equals(background()));
    browser.navigate().refresh();
    assertEquals(LIGHT_BACKGROUND, background(), "the choice outranks the system after a reload");
    assertEquals("light", js("return document.documentElement.dataset.theme;"));

    browser.findElement(By.cssSelector("form.theme .to-dark")).click();
    Browser.waiting(browser).until(d -> DARK_BACKGROUND.equals(background()));
    browser.get(base + "/papers/trending");
    assertEquals(DARK_BACKGROUND, background(), "remembered on the next page");
  }

  @Test
  void jAndKMoveBetweenPapersSlashSearchesAndQuestionMarkListsTheKeys() {
    browser.get(base + DAY);
    List<String> ids =
        browser.findElements(By.cssSelector("article.card")).stream()
            .map(c -> c.getAttribute("data-paper-id"))
            .toList();
    assertTrue(ids.size() >= 3, "the day has papers: " + ids);

    press("j");
    assertEquals(ids.get(0), selectedCard());
    press("j");
    press("j");
    assertEquals(ids.get(2), selectedCard());
    press("k");
    assertEquals(ids.get(1), selectedCard());
    press(Keys.ENTER);
    Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/papers/" + ids.get(1)));

    browser.navigate().back();
    press("?");
    WebElement keys = browser.findElement(By.id("keys"));
    assertTrue(keys.isDisplayed(), "? opens the list of keys");
    assertTrue(keys.getText().contains("Upvote the selected paper"), keys.getText());
    press(Keys.ESCAPE);
    assertFalse(keys.isDisplayed());

    press("/");
    WebElement box = browser.switchTo().activeElement();
    assertEquals("q", box.getAttribute("name"), "/ puts the cursor in the search box");
    press("j"); // typed into the box, not a move
    assertEquals("j", box.getAttribute("value"));
    Browser.go(browser, () -> box.sendKeys("epth" + Keys.ENTER));
    assertTrue(browser.getCurrentUrl().contains("/search?q=jepth"), browser.getCurrentUrl());
  }

  @Test
  void uUpvotesTheSelectedPaper() {
    Browser.signIn(browser, base, "grace@example.org", PASSWORD);
    browser.get(base + DAY);
    press("j");
    press("j");
    WebElement card = browser.findElement(By.cssSelector("article.card.selected"));
    WebElement vote = card.findElement(By.cssSelector("form.vote button"));
    long before = Long.parseLong(vote.findElement(By.className("count")).getText());
    assertEquals("false", vote.getAttribute("aria-pressed"));
    press("u");
    Browser.waiting(browser).until(d -> "true".equals(vote.getAttribute("aria-pressed")));
    assertEquals(before + 1, Long.parseLong(vote.findElement(By.className("count")).getText()));
    assertEquals(
        "Upvote: " + (before + 1) + " upvotes",
        ((JavascriptExecutor) browser)
            .executeScript("return arguments[0].textContent.replace('▲', '');", vote),
        "what a screen reader announces");
  }

  @Test
  void theSkipLinkIsTheFirstStopAndJumpsToTheContent() {
    browser.get(base + DAY);
    press(Keys.TAB);
    WebElement first = browser.switchTo().activeElement();
    assertEquals("Skip to content", first.getText());
    assertTrue(first.isDisplayed(), "visible once focused");
    press(Keys.ENTER);
    Browser.waiting(browser)
        .until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
  }
}
