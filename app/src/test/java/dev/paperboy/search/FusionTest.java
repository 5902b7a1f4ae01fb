package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.search.PaperIndex.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Convex fusion of keyword scores and similarities on paper ids. */
class FusionTest {

  private static List<String> ids(List<Fusion.Fused> fused) {
    return fused.stream().map(Fusion.Fused::id).toList();
  }

  @Test
  void thePapersBothSidesRateHighlyComeFirst() {
    List<Fusion.Fused> fused =
        Fusion.convex(
            List.of(),
            List.of(new Scored("p1", 10), new Scored("p2", 9), new Scored("p3", 5)),
            List.of(new Scored("p2", 0.9f), new Scored("p4", 0.85f), new Scored("p1", 0.7f)),
            0.5,
            0.6f);
    assertEquals(List.of("p2", "p1", "p4", "p3"), ids(fused));
    assertTrue(fused.get(2).byMeaning(), "p4 matched no word");
    assertFalse(fused.get(0).byMeaning());
  }

  @Test
  void theWeightDecidesBetweenTheSides() {
    List<Scored> words = List.of(new Scored("w", 10), new Scored("m", 1));
    List<Scored> meaning = List.of(new Scored("m", 0.9f), new Scored("w", 0.61f));
    assertEquals("w", ids(Fusion.convex(List.of(), words, meaning, 0.9, 0.6f)).get(0));
    assertEquals("m", ids(Fusion.convex(List.of(), words, meaning, 0.2, 0.6f)).get(0));
  }

  @Test
  void neighboursBelowTheFloorThatNoWordMatchedAreLeftOut() {
    List<Fusion.Fused> fused =
        Fusion.convex(
            List.of(),
            List.of(new Scored("w", 3)),
            List.of(new Scored("near", 0.7f), new Scored("far", 0.5f), new Scored("w", 0.4f)),
            0.6,
            0.6f);
    assertEquals(List.of("w", "near"), ids(fused), "far is only the least far");
  }

  @Test
  void exactMatchesStayFirstInTheirOrderAndTiesGoByPaperId() {
    List<Fusion.Fused> fused =
        Fusion.convex(
            List.of(new Scored("p7", 5000f)),
            List.of(new Scored("p9", 2), new Scored("p8", 2)),
            List.of(new Scored("p7", 0.9f)),
            1.0,
            0.6f);
    assertEquals(List.of("p7", "p8", "p9"), ids(fused));
  }
}
