package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (from npm, pinned in scripts/axe) run inside real Chromium over every kind of page,
 * light and dark, phone and desktop: no critical and no serious violation. A new one fails the
 * build and names the rule, the page and the element.
 */
class AccessibilityInABrowserTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Path AXE = Path.of("../scripts/axe/node_modules/axe-core/axe.min.js");

  /** The signed-out pages, then (after signing in) the pages only a member sees. */
  private static final List<String> PAGES =
      List.of(
          "/",
          "/papers/date/2026-08-21",
          "/papers/week/2026-W34",
          "/papers/trending",
          "/papers/2608.19880",
          "/search?q=agents",
          "/search?q=qwertyuiop",
          "/papers/2501.99999",
          "/signin",
          "/signup",
          "/keys",
          "/status");

  private static final List<String> MEMBER_PAGES =
      List.of("/papers/2608.19880", "PROFILE", "/settings", "/submit");

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;
  static String axe;
  static String profile;

  @BeforeAll
  static void start() throws IOException {
    assertTrue(
        Files.isRegularFile(AXE),
        AXE.toAbsolutePath()
            + " is missing: run scripts/install-test-deps.sh (./paperboy test does)");
    axe = Files.readString(AXE);
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    profile =
        app.community()
            .accounts()
            .create("grace@example.org", "Grace", PASSWORD, Role.USER)
            .profileHref();
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

  /** Both schemes and both widths, each once: the whole square costs the suite another minute. */
  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({"light, 390", "dark, 1280"})
  void noPageHasACriticalOrSeriousViolation(String scheme, int width) {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(width, 900));
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    List<String> found = new ArrayList<>();
    for (String page : PAGES) {
      found.addAll(check(page));
    }
    signIn();
    for (String page : MEMBER_PAGES) {
      found.addAll(check(page.equals("PROFILE") ? profile : page));
    }
    assertEquals(List.of(), found, "axe-core violations, " + scheme + " at " + width + " px");
  }

  private static void signIn() {
    browser.get(base + "/signin");
    browser.findElement(By.name("email")).sendKeys("grace@example.org");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    Browser.go(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    assertEquals(base + "/", browser.getCurrentUrl(), "signed in");
  }

  @SuppressWarnings("unchecked")
  private static List<String> check(String page) {
    browser.get(base + page);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    List<Object> violations =
        (List<Object>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, { resultTypes: ['violations'] }).then(r => done("
                    + " r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
                    + " .map(v => v.impact + ' ' + v.id + ' (' + v.help + ') at '"
                    + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));");
    return violations.stream().map(v -> page + ": " + v).toList();
  }
}
