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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, pinned in scripts/axe) run inside real Chromium over every kind of page,
 * light and dark, phone and desktop: no critical and no serious violation. A new one fails the
 * build and names the rule, the page and the element.
 */
class AccessibilityInABrowserTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final Path AXE = Path.of("../scripts/axe/node_modules/axe-core/axe.min.js");

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
    app = TestApps.serving(dir, PageTypes.DAYS);
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
    Browser.systemScheme(browser, scheme);
    List<String> found = new ArrayList<>();
    for (String page : PageTypes.SIGNED_OUT) {
      found.addAll(check(page));
    }
    Browser.signIn(browser, base, "grace@example.org", PASSWORD);
    for (String page : PageTypes.SIGNED_IN) {
      found.addAll(check(page.equals(PageTypes.PROFILE) ? profile : page));
    }
    assertEquals(List.of(), found, "axe-core violations, " + scheme + " at " + width + " px");
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
