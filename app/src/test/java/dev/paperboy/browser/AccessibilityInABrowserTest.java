package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, pinned in scripts/axe) run inside real Chromium over every kind of page,
 * light and dark, phone and desktop: no critical and no serious violation. A new one fails the
 * build and names the rule, the page and the element.
 */
class AccessibilityInABrowserTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;
  static Axe axe;
  static String profile;

  @BeforeAll
  static void start() {
    axe = Axe.load();
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
  static void stop() throws Exception {
    Browser.stop(browser, app);
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
      found.addAll(axe.violations(browser, base, page));
    }
    Browser.signIn(browser, base, "grace@example.org", PASSWORD);
    for (String page : PageTypes.SIGNED_IN) {
      found.addAll(axe.violations(browser, base, page.equals(PageTypes.PROFILE) ? profile : page));
    }
    assertEquals(List.of(), found, "axe-core violations, " + scheme + " at " + width + " px");
  }
}
