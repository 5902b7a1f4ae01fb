package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RichTextTest {

  @Test
  void formulasWaitEscapedInTexSpans() {
    RichText r = RichText.of("if $a<b$ then \\(x\\) and \\[y\\]");
    assertTrue(r.math());
    assertEquals(
        "if <span class=\"tex\" data-display=\"false\">a&lt;b</span> then "
            + "<span class=\"tex\" data-display=\"false\">x</span> and "
            + "<span class=\"tex\" data-display=\"true\">y</span>",
        r.html());
  }

  @Test
  void textWithoutFormulasSaysSo() {
    RichText r = RichText.of("costs $8 per run and \\emph{nothing} else");
    assertFalse(r.math());
    assertEquals("costs $8 per run and <em>nothing</em> else", r.html());
  }

  @Test
  void aGroupMaySpanAFormula() {
    assertEquals(
        "<em>the <span class=\"tex\" data-display=\"false\">x</span> value</em>",
        RichText.of("\\emph{the $x$ value}").html());
  }

  @Test
  void aScriptInTheAbstractStaysText() {
    String html = RichText.of("<script>alert(1)</script> and $<script>$").html();
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void anExcerptIsCutAtASpaceAndNeverInsideAFormula() {
    String tex = "We bound the error by $\\mathcal{O}(\\sqrt{T \\log T})$ in all cases here.";
    RichText cut = RichText.excerpt(tex, 30);
    assertEquals("We bound the error by …", cut.html());
    assertFalse(cut.math());
    RichText whole = RichText.excerpt(tex, 200);
    assertTrue(whole.math());
    assertFalse(whole.html().contains("…"));
    RichText mid = RichText.excerpt("Short $x$ then many more words follow here", 20);
    assertEquals(
        "Short <span class=\"tex\" data-display=\"false\">x</span> then many …", mid.html());
  }

  @Test
  void anExcerptDoesNotCutACitationInTwo() {
    assertEquals(
        "As in …", RichText.excerpt("As in \\cite{alpha, beta, gamma} we go on", 20).html());
  }

  @Test
  void searchHighlightsAreReadBackAndRenderedLikeAnyText() {
    RichText r =
        RichText.highlighted(
            "the <mark>loss</mark> is $\\mathcal{L}&lt;1$ &amp; \\emph{<mark>small</mark>}"
                + " … &lt;script&gt;x&lt;&#x2F;script&gt; $<mark>k</mark>$");
    assertTrue(r.math());
    assertEquals(
        "the <mark>loss</mark> is <span class=\"tex\" data-display=\"false\">\\mathcal{L}&lt;1"
            + "</span> &amp; <em><mark>small</mark></em> … &lt;script&gt;x&lt;/script&gt; "
            + "<mark><span class=\"tex\" data-display=\"false\">k</span></mark>",
        r.html());
  }

  @Test
  void aHighlightCannotSmuggleMarkup() {
    String html = RichText.highlighted("<b onclick=x>hi</b> <mark>ok</mark>").html();
    assertEquals("&lt;b onclick=x&gt;hi&lt;/b&gt; <mark>ok</mark>", html);
  }

  @Test
  void hostileInputOfAHundredKilobytesRendersFast() {
    List<String> hostile =
        List.of(
            "${".repeat(50_000),
            "$".repeat(100_000),
            "\\(".repeat(50_000),
            "$$ $".repeat(25_000),
            "{$".repeat(25_000) + "}$".repeat(25_000),
            "\\emph{".repeat(16_000),
            "\\cite{".repeat(16_000),
            "{".repeat(100_000),
            "\\url{http://".repeat(8_000),
            "$1 ".repeat(33_000));
    // linear work takes milliseconds; anything quadratic would take minutes on these
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (String s : hostile) {
            assertFalse(RichText.of(s).html().isEmpty());
            assertFalse(RichText.excerpt(s, 280).html().isEmpty());
          }
        });
  }
}
