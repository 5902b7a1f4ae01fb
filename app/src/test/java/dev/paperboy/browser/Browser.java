package dev.paperboy.browser;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver. Nothing is downloaded: the
 * binaries are installed by scripts/install-test-deps.sh (which ./paperboy test runs).
 */
final class Browser {

  private Browser() {}

  static WebDriver start() {
    // Selenium warns on every start that it has no CDP bindings for this Chromium; we use none
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    File chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
    File driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return chrome;
  }

  /** Quits the browser a test class started, if it got that far, then closes the app it served. */
  static void stop(WebDriver browser, AutoCloseable app) throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  /** Clicks a link or a form's button and waits until the next page has replaced this one. */
  static void go(WebDriver browser, WebElement target) {
    go(browser, target::click);
  }

  /** Runs an action that leaves the page (a click, a form submit) and waits for the next one. */
  static void go(WebDriver browser, Runnable action) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.leaving = true;");
    action.run();
    waiting(browser)
        .ignoring(WebDriverException.class) // asked while the old page unloads
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return !window.leaving && document.readyState === 'complete';")));
  }

  /** Signs in through the sign-in form and waits for the home page it leads to. */
  static void signIn(WebDriver browser, String base, String email, String password) {
    browser.get(base + "/signin");
    browser.findElement(By.name("email")).sendKeys(email);
    browser.findElement(By.name("password")).sendKeys(password);
    go(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
    if (!browser.getCurrentUrl().equals(base + "/")) {
      throw new AssertionError("signing in " + email + " led to " + browser.getCurrentUrl());
    }
  }

  /** Makes the page see the system's colour scheme as {@code scheme} ("light" or "dark"). */
  static void systemScheme(WebDriver browser, String scheme) {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  static WebDriverWait waiting(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private static File firstExisting(String... paths) {
    for (String p : paths) {
      File f = new File(p);
      if (f.canExecute()) {
        return f;
      }
    }
    throw new IllegalStateException(
        "none of "
            + String.join(", ", paths)
            + " exists: install chromium and chromium-driver (scripts/install-test-deps.sh)");
  }
}
