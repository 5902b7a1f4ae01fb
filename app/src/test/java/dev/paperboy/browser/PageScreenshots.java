package dev.paperboy.browser;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Full-page screenshots of every page type at 390 and 1280 px, light and dark, for a person to look
 * at: {@code ./paperboy screenshots [DIR]}. Not part of the suite (its name ends in neither Test
 * nor Tests, so Surefire runs it only when asked by name).
 */
class PageScreenshots {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  @Test
  void everyPageTypeAtBothWidthsInBothSchemes() throws Exception {
    Path out = Path.of(System.getProperty("paperboy.screenshots", "target/screenshots"));
    Files.createDirectories(out);
    try (App app = TestApps.serving(dir, PageTypes.DAYS)) {
      String profile =
          app.community()
              .accounts()
              .create("grace@example.org", "Grace", PASSWORD, Role.USER)
              .profileHref();
      String base = TestApps.baseUrl(app);
      WebDriver browser = Browser.start();
      try {
        int shots = 0;
        for (String scheme : new String[] {"light", "dark"}) {
          Browser.systemScheme(browser, scheme);
          for (int width : new int[] {390, 1280}) {
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : PageTypes.SIGNED_OUT) {
              shoot(browser, base + page, out.resolve(name("out", page, width, scheme)));
              shots++;
            }
            Browser.signIn(browser, base, "grace@example.org", PASSWORD);
            for (String page : PageTypes.SIGNED_IN) {
              String path = page.equals(PageTypes.PROFILE) ? profile : page;
              shoot(browser, base + path, out.resolve(name("in", page, width, scheme)));
              shots++;
            }
          }
        }
        System.out.println(shots + " screenshots in " + out.toAbsolutePath());
      } finally {
        browser.quit();
      }
    }
  }

  private static String name(String who, String page, int width, String scheme) {
    String slug = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return (slug.isEmpty() ? "home" : slug.toLowerCase(java.util.Locale.ROOT))
        + "."
        + who
        + "."
        + width
        + "."
        + scheme
        + ".png";
  }

  private static void shoot(WebDriver browser, String url, Path file) throws Exception {
    browser.get(url);
    Map<String, Object> shot =
        ((ChromeDriver) browser)
            .executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }
}
