package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TexTextTest {

  private static String html(String tex) {
    return TexText.html(tex);
  }

  @Test
  void emphasisBoldAndTypewriterBecomeMarkup() {
    assertEquals("an <em>a</em> b", html("an \\emph{a} b"));
    assertEquals("<em>it</em> and <strong>bf</strong>", html("\\textit{it} and \\textbf{bf}"));
    assertEquals("run <code>pip</code>", html("run \\texttt{pip}"));
    assertEquals("<strong><em>both</em></strong>", html("\\textbf{\\emph{both}}"));
  }

  @Test
  void oldStyleDeclarationsLastToTheEndOfTheirGroup() {
    assertEquals("a <em>backdoor attack</em> here", html("a {\\em backdoor attack} here"));
    assertEquals("<strong>bold to the end</strong>", html("\\bf bold to the end"));
  }

  @Test
  void citationsAndReferencesGoWithoutLeavingStraySpace() {
    assertEquals("as shown by, we", html("as shown by \\citet{smith2020}, we"));
    assertEquals("the benchmark. Next", html("the benchmark~\\cite{yang2022}. Next"));
    assertEquals("GPT4o and DALL-E", html("GPT4o \\citep[see][p.~3]{gpt4o} and DALL-E"));
    assertEquals("models (Fig.) show", html("models (Fig.~\\ref{fig:intro}) show"));
    assertEquals("models show", html("models (\\cite{a}) show"));
    assertEquals("two cites.", html("two cites \\cite{a} \\cite{b}."));
  }

  @Test
  void urlsBecomeLinksOnlyForTheWeb() {
    assertEquals(
        "at <a href=\"https://github.com/a_b\" rel=\"nofollow"
            + " noopener\">https://github.com/a_b</a>.",
        html("at \\url{https://github.com/a\\_b}."));
    assertEquals(
        "<a href=\"https://x.org/p\" rel=\"nofollow noopener\">our <em>page</em></a>",
        html("\\href{https://x.org/p}{our \\emph{page}}"));
    assertEquals("javascript:alert(1)", html("\\url{javascript:alert(1)}"));
    assertEquals("click", html("\\href{javascript:alert(1)}{click}"));
    assertEquals(
        "<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\" rel=\"nofollow noopener\">"
            + "https://x.org/?a=1&amp;b=&quot;2&quot;</a>",
        html("\\url{https://x.org/?a=1&b=\"2\"}"));
  }

  @Test
  void accentsBecomeLetters() {
    assertEquals("Schrödinger, Bézier, Fréchet", html("Schr\\\"odinger, B\\'ezier, Fr{\\'e}chet"));
    assertEquals(
        "Doñana, garçon, Škoda, naïve", html("Do\\~nana, gar\\c{c}on, \\v{S}koda, na\\\"{\\i}ve"));
  }

  @Test
  void tiesDashesQuotesAndEscapesBecomeTheirCharacters() {
    assertEquals("Fig.\u00a03 and 0.35\u00a0m/s", html("Fig.~3 and 0.35~m/s"));
    assertEquals("about ~50% (~21%)", html("about ~50% (~21%)"));
    assertEquals("2019–2024 — and --flag", html("2019--2024 --- and --flag"));
    assertEquals("“quoted”", html("``quoted''"));
    assertEquals("50% &amp; $5 a_b #1 {x}", html("50\\% \\& \\$5 a\\_b \\#1 \\{x\\}"));
    assertEquals("at 360° and 2 μm", html("at 360{\\deg} and 2 {\\mu}m"));
  }

  @Test
  void bareUrlsKeepTheirTildesAndDashes() {
    assertEquals(
        "at https://www.robots.ox.ac.uk/~vgg/a--b/ now",
        html("at https://www.robots.ox.ac.uk/~vgg/a--b/ now"));
  }

  @Test
  void bracesNotAfterAMacroAreTheAuthorsText() {
    assertEquals("a {snowy} photo of a {class}", html("a {snowy} photo of a {class}"));
  }

  @Test
  void unknownMacrosAndEverythingElseStayAsWrittenButEscaped() {
    assertEquals("we call it \\projectname.", html("we call it \\projectname."));
    assertEquals("pools (e.g., average), i.e. here", html("pools (\\eg, average), \\ie{} here"));
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
        html("<script>alert('x')</script> & \"q\""));
    assertEquals("<em>&lt;b&gt;</em>", html("\\emph{<b>}"));
  }

  @Test
  void unclosedGroupsAreClosedAtTheEnd() {
    assertEquals("<em>never closed</em>", html("\\emph{never closed"));
    assertEquals("stray }", html("stray }"));
    assertEquals("\\cite{never", html("\\cite{never"));
  }

  @Test
  void aFootnoteStaysInBrackets() {
    assertEquals(
        "on github (https://github.com/x).", html("on github\\footnote{https://github.com/x}."));
  }
}
