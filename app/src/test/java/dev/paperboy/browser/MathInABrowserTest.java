package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * 309 real arXiv abstracts with TeX in them (prices, \(..\), \[..\], $$, \emph, citations, links,
 * nested braces, accents, escaped dollars; see {@code math/2026-03-02.jsonl}) typeset on their
 * paper pages and on the day's cards: KaTeX reports no error, leaves no formula untypeset, and no
 * delimiter or text macro is left in what the reader sees.
 */
class MathInABrowserTest {

  private static final String DAY = "2026-03-02";

  /** What a reader must not see: delimiters and text macros that were not rendered. */
  private static final Pattern RAW_TEX =
      Pattern.compile(
          "\\\\[()\\[\\]]|\\\\(emph|textbf|textit|texttt|cite[a-z]*|ref|url|href|footnote)\\b");

  /** A dollar pair left as text, unless it reads as prices ("$5 to $10"). */
  private static final Pattern DOLLAR_PAIR = Pattern.compile("\\$([^$]{1,300})\\$");

  /**
   * In each given element (or the page's main part): KaTeX's error marks, formulas it did not
   * typeset, typeset ones, and the text without the typeset formulas (nor the BibTeX entry).
   */
  private static final String INSPECT =
      """
      const parts = arguments.length > 0 && arguments[0]
          ? [...document.querySelectorAll(arguments[0])] : [document.querySelector('main')];
      return parts.map(part => {
        const copy = part.cloneNode(true);
        // the Cite control's BibTeX is TeX source on purpose: left out, like the typeset formulas
        copy.querySelectorAll('.katex, .cite').forEach(e => e.remove());
        return [part.dataset.id || '', part.querySelectorAll('.katex-error').length,
            [...part.querySelectorAll('span.tex')].filter(e => !e.querySelector('.katex')).length,
            part.querySelectorAll('.katex').length, copy.textContent];
      });
      """;

  /**
   * Fetches the paper pages of the given ids, puts each page's article into this page and has
   * math.js typeset them: 309 page loads one by one would take minutes on a busy machine.
   */
  private static final String LOAD_ARTICLES =
      """
      const [ids, done] = [arguments[0], arguments[arguments.length - 1]];
      const main = document.querySelector('main');
      main.replaceChildren();
      Promise.all(ids.map(id => fetch('/papers/' + id).then(r => r.text()))).then(pages => {
        const parser = new DOMParser();
        pages.forEach((html, i) => {
          const section = document.createElement('section');
          section.className = 'fetched';
          section.dataset.id = ids[i];
          const article = parser.parseFromString(html, 'text/html').querySelector('article.paper');
          if (article) section.append(document.importNode(article, true));
          main.append(section);
        });
        typesetMath(main);
        done(null);
      }).catch(e => done(String(e)));
      """;

  @TempDir static Path dir;
  static App app;
  static WebDriver browser;
  static String base;
  static List<String> ids = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    app =
        TestApps.serving(
            new App(TestDatabases.config(dir).withEmbeddingModel("none")),
            "math/" + DAY + ".jsonl",
            "math/2026-03-03.jsonl");
    base = TestApps.baseUrl(app);
    browser = Browser.start();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(TestApps.resource("math/" + DAY + ".jsonl"))) {
      ids.add(json.readTree(line).path("id").asText());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.stop(browser, app);
  }

  @Test
  void everyAbstractIsTypesetOnItsPaperPageWithNothingRawLeft() {
    assertEquals(309, ids.size(), "the fixture's abstracts");
    browser.get(base + "/papers/date/" + DAY); // a page with formulas, so KaTeX and math.js
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    assertEquals(null, ((JavascriptExecutor) browser).executeAsyncScript(LOAD_ARTICLES, ids));
    List<Inspection> articles = inspect("section.fetched");
    assertEquals(309, articles.size());
    List<String> problems = new ArrayList<>();
    int formulas = 0;
    for (Inspection article : articles) {
      assertTrue(article.text().contains("Abstract"), article.id() + " has its article");
      formulas += article.typeset();
      problems.addAll(article.problems(article.id()));
    }
    assertTrue(formulas > 800, "the abstracts' formulas were typeset: " + formulas);
    assertEquals(List.of(), problems);
  }

  @Test
  void theDaysCardsAreTypesetWithNothingRawLeft() {
    List<String> problems = new ArrayList<>();
    int cards = 0;
    int formulas = 0;
    String next = "/papers/date/" + DAY;
    while (next != null) {
      browser.get(base + next);
      cards += browser.findElements(By.cssSelector("article.card")).size();
      Inspection page = inspect(null).get(0);
      formulas += page.typeset();
      problems.addAll(page.problems(next));
      List<String> more =
          browser.findElements(By.cssSelector("a[rel=next][href*='page=']")).stream()
              .map(a -> a.getDomAttribute("href"))
              .toList();
      next = more.isEmpty() ? null : more.get(0);
    }
    assertEquals(309, cards, "every paper of the day has a card");
    assertTrue(formulas > 100, "the cards' formulas were typeset: " + formulas);
    assertEquals(List.of(), problems);
  }

  @Test
  void withoutJavaScriptThePageShowsTheTexSourceWithoutDelimiters() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> problems = new ArrayList<>();
    int formulas = 0;
    for (String id : ids) {
      String html =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/papers/" + id)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher tex = Pattern.compile("<span class=\"tex\"[^>]*>([^<]*)</span>").matcher(html);
      boolean hasFormula = false;
      while (tex.find()) {
        hasFormula = true;
        formulas++;
        if (tex.group(1).isBlank()) {
          problems.add(id + ": an empty formula");
        }
      }
      if (hasFormula != html.contains("/static/katex/katex.min.js")) {
        problems.add(id + (hasFormula ? ": formulas but no KaTeX" : ": KaTeX but no formula"));
      }
      String text = html.replaceAll("(?s)<span class=\"tex\"[^>]*>[^<]*</span>", "");
      Matcher abstractText = Pattern.compile("(?s)<p class=\"abstract\">(.*?)</p>").matcher(text);
      assertTrue(abstractText.find(), id + " has an abstract");
      problems.addAll(rawTex(id, abstractText.group(1).replaceAll("<[^>]+>", "")));
    }
    assertTrue(formulas > 800, "formulas sent as TeX in spans: " + formulas);
    assertEquals(List.of(), problems);
  }

  @Test
  void pagesWithoutFormulasDoNotLoadKatex() {
    for (String page : List.of("/signin", "/search?q=qwertyuiop")) {
      browser.get(base + page);
      assertTrue(browser.findElements(By.cssSelector("script[src*=katex]")).isEmpty(), page);
      assertTrue(browser.findElements(By.cssSelector("link[href*=katex]")).isEmpty(), page);
    }
    browser.get(base + "/papers/date/" + DAY);
    assertFalse(browser.findElements(By.cssSelector("script[src*=katex]")).isEmpty());
  }

  @Test
  void markupInAnAbstractStaysText() {
    browser.get(base + "/papers/2603.99901");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertEquals(
        null,
        js.executeScript("return window.pwned || window.pwnedTitle || null;"),
        "no script ran");
    String shown = browser.findElement(By.cssSelector("p.abstract")).getText();
    assertTrue(shown.contains("<script>window.pwned=1</script>"), shown);
    assertTrue(shown.contains("<img src=x onerror=\"window.pwned=2\">"), shown);
    assertTrue(browser.findElements(By.cssSelector("p.abstract img")).isEmpty());
    assertTrue(
        browser.findElements(By.cssSelector("p.abstract a")).isEmpty(), "no javascript link");
    assertEquals(
        1, browser.findElements(By.cssSelector("p.abstract .katex")).size(), "x<y typeset");
    String title = browser.findElement(By.tagName("h1")).getText();
    assertTrue(title.contains("<script>window.pwnedTitle=2</script>"), title);
  }

  private record Inspection(String id, long errors, long untypeset, int typeset, String text) {

    List<String> problems(String where) {
      List<String> out = new ArrayList<>();
      if (errors > 0) {
        out.add(where + ": " + errors + " KaTeX errors");
      }
      if (untypeset > 0) {
        out.add(where + ": " + untypeset + " formulas left untypeset");
      }
      out.addAll(rawTex(where, text));
      return out;
    }
  }

  private static List<Inspection> inspect(String selector) {
    List<?> parts = (List<?>) ((JavascriptExecutor) browser).executeScript(INSPECT, selector);
    List<Inspection> out = new ArrayList<>();
    for (Object part : parts) {
      List<?> r = (List<?>) part;
      out.add(
          new Inspection(
              (String) r.get(0),
              (Long) r.get(1),
              (Long) r.get(2),
              ((Long) r.get(3)).intValue(),
              (String) r.get(4)));
    }
    return out;
  }

  /** Raw delimiters, text macros and formula-like dollar pairs in text a reader sees. */
  static List<String> rawTex(String where, String text) {
    List<String> out = new ArrayList<>();
    Matcher raw = RAW_TEX.matcher(text);
    while (raw.find()) {
      out.add(where + ": raw " + raw.group() + " in …" + around(text, raw.start()) + "…");
    }
    Matcher pair = DOLLAR_PAIR.matcher(text);
    while (pair.find()) {
      String body = pair.group(1);
      boolean prices = Character.isDigit(body.charAt(0)) && !body.matches("(?s).*[\\\\^_{}=].*");
      if (!prices) {
        out.add(where + ": dollars left around …" + around(text, pair.start()) + "…");
      }
    }
    return out;
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 50));
  }
}
