package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.web.MathText.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathTextTest {

  @Test
  void texBetweenDollarsBecomesAMathSegment() {
    assertEquals(
        List.of(
            new Segment("runs in ", false, false),
            new Segment("\\mathcal{O}(d^k)", true, false),
            new Segment(" time", false, false)),
        MathText.split("runs in $\\mathcal{O}(d^k)$ time"));
  }

  @Test
  void pricesAreNotMistakenForMath() {
    String text = "costs $8.1 per manuscript and under $3 per poster";
    assertEquals(List.of(new Segment(text, false, false)), MathText.split(text));
  }

  @Test
  void singleSymbolsAndDisplayMathAreMath() {
    assertEquals(
        List.of(
            new Segment("n", true, false),
            new Segment(" and ", false, false),
            new Segment("x^2", true, true)),
        MathText.split("$n$ and $$x^2$$"));
  }

  @Test
  void anEscapedDollarStaysADollar() {
    assertEquals(
        List.of(new Segment("about $400K", false, false)), MathText.split("about \\$400K"));
  }
}
