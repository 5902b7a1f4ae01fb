package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paperboy.web.MathText.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathTextTest {

  private static Segment text(String s) {
    return new Segment(s, false, false);
  }

  private static Segment inline(String s) {
    return new Segment(s, true, false);
  }

  private static Segment display(String s) {
    return new Segment(s, true, true);
  }

  @Test
  void texBetweenDollarsBecomesAMathSegment() {
    assertEquals(
        List.of(text("runs in "), inline("\\mathcal{O}(d^k)"), text(" time")),
        MathText.split("runs in $\\mathcal{O}(d^k)$ time"));
  }

  @Test
  void numbersBetweenDollarsAreMathAsInTex() {
    assertEquals(
        List.of(text("from "), inline("1.28"), text(" to "), inline("1.2937")),
        MathText.split("from $1.28$ to $1.2937$"));
    assertEquals(List.of(text("a "), inline("4D"), text(" scene")), MathText.split("a $4D$ scene"));
  }

  @Test
  void pricesAreNotMistakenForMath() {
    for (String money :
        List.of(
            "costs $8.1 per manuscript and under $3 per poster",
            "from $5 to $10",
            "between $48-$74 per voter",
            "costs $8 per run",
            "$1.61/hour versus 5GB and $0.16/hour")) {
      assertEquals(List.of(text(money)), MathText.split(money), money);
    }
  }

  @Test
  void aPriceBeforeAFormulaLeavesTheFormulaAlone() {
    assertEquals(
        List.of(text("costs $8 per run and "), inline("\\alpha"), text(" is fixed")),
        MathText.split("costs $8 per run and $\\alpha$ is fixed"));
  }

  @Test
  void texInsideTheSpanMakesItMathWhateverItsSpacing() {
    assertEquals(
        List.of(text("rate ("), inline("4.7 \\times "), text(")")),
        MathText.split("rate ($4.7 \\times $)"));
    assertEquals(
        List.of(text("up to 120"), inline(" \\times "), text(" larger")),
        MathText.split("up to 120$ \\times $ larger"));
  }

  @Test
  void aDollarAfterAWordAndBeforeASpaceDoesNotOpen() {
    assertEquals(
        List.of(text("Modeling$ (WorldPM) with "), inline("x"), text(".")),
        MathText.split("Modeling$ (WorldPM) with $x$."));
  }

  @Test
  void parenthesesAndBracketsDelimitMathToo() {
    assertEquals(
        List.of(text("we get "), inline("x^2"), text(" and"), display("\\sum_i y_i"), text(".")),
        MathText.split("we get \\(x^2\\) and\\[\\sum_i y_i\\]."));
  }

  @Test
  void doubleDollarsAreDisplayMathAndSingleOnesNext() {
    assertEquals(
        List.of(inline("n"), text(" and "), display("x^2")), MathText.split("$n$ and $$x^2$$"));
    // TeX closes inline maths at the first dollar of "$$", and the second opens the next formula
    assertEquals(
        List.of(text("("), inline("\\sim"), inline("3\\times10^{11}"), text(" pixels)")),
        MathText.split("($\\sim$$3\\times10^{11}$ pixels)"));
  }

  @Test
  void aDollarInsideBracesOpensAFormulaWithinTheFormula() {
    assertEquals(
        List.of(text("test "), inline("\\textbf{$\\boldsymbol{\\infty}$Bench+}"), text(", and")),
        MathText.split("test $\\textbf{$\\boldsymbol{\\infty}$Bench+}$, and"));
  }

  @Test
  void anEscapedDollarIsNeverADelimiter() {
    assertEquals(List.of(text("about \\$400K")), MathText.split("about \\$400K"));
    assertEquals(List.of(text("\\$"), inline("x"), text(" \\$")), MathText.split("\\$$x$ \\$"));
  }

  @Test
  void unbalancedDelimitersStayText() {
    for (String odd :
        List.of("a lone $ sign", "\\(x never closes", "$$x", "trailing $", "$x\n\n y$")) {
      assertFalse(MathText.hasMath(MathText.split(odd)), odd);
      assertEquals(odd, String.join("", MathText.split(odd).stream().map(Segment::text).toList()));
    }
  }

  @Test
  void percentSignsAndMathJaxUnicodeAreMadeReadableForKatex() {
    assertEquals("\\textbf{16.3\\%}", MathText.forKatex("\\textbf{16.3%}"));
    assertEquals("a\\%b", MathText.forKatex("a\\%b"));
    assertEquals("\\char\"2013 ", MathText.forKatex("\\unicode{x2013}"));
    assertEquals("\\unicode{zz}", MathText.forKatex("\\unicode{zz}"));
  }
}
