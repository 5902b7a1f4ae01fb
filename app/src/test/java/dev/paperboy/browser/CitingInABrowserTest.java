package dev.paperboy.browser;

import static dev.paperboy.cite.Citations.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.cite.Citations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** The paper page's "Cite" control in headless Chromium: the copied BibTeX parses as BibTeX. */
class CitingInABrowserTest {

  static final String PAPER = "2608.16590";

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json");
    base = TestApps.baseUrl(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @Test
  void copyBibtexPutsAnEntryThatParsesOnTheClipboard() {
    // headless Chromium has a clipboard of its own; the page may write and the test read it once
    // the permissions are granted for this origin, as a person's click would
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Browser.grantPermissions",
            Map.of(
                "origin",
                base,
                "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    browser.get(base + "/papers/" + PAPER);
    browser.findElement(By.cssSelector("details.cite summary")).click();
    browser.findElement(By.cssSelector("button.copy-bibtex")).click();
    Browser.waiting(browser)
        .until(d -> "Copied.".equals(d.findElement(By.cssSelector(".cite .copied")).getText()));
    String copied =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
    List<BibTeXEntry> entries = new ArrayList<>(Citations.parse(copied).getEntries().values());
    assertFalse(entries.isEmpty(), copied);
    assertEquals("ding2026zetta", entries.get(0).getKey().getValue());
    assertEquals(PAPER, field(entries.get(0), "eprint"));
    assertEquals(
        copied,
        browser.findElement(By.cssSelector("pre.bibtex")).getText() + "\n",
        "what was copied is what the page shows");
  }
}
