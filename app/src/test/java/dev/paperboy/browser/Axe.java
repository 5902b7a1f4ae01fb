package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (from npm, pinned in scripts/axe) run inside the browser over the page it shows. */
final class Axe {

  private static final Path SCRIPT = Path.of("../scripts/axe/node_modules/axe-core/axe.min.js");

  private final String script;

  private Axe(String script) {
    this.script = script;
  }

  /** Reads axe-core, failing the test with what to run when it is not installed. */
  static Axe load() {
    assertTrue(
        Files.isRegularFile(SCRIPT),
        SCRIPT.toAbsolutePath()
            + " is missing: run scripts/install-test-deps.sh (./paperboy test does)");
    try {
      return new Axe(Files.readString(SCRIPT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The critical and serious violations on {@code page}, each naming its rule and elements. */
  @SuppressWarnings("unchecked")
  List<String> violations(WebDriver browser, String base, String page) {
    browser.get(base + page);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(script);
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
