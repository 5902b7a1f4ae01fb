package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.search.PaperIndex.Scored;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion on paper ids. */
class FusionTest {

  static List<Scored> ranked(String... ids) {
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      out.add(new Scored(ids[i], ids.length - i));
    }
    return out;
  }

  @Test
  void aPaperBothSidesFoundBeatsPapersOnlyOneFound() {
    List<String> fused =
        Fusion.reciprocalRank(List.of(), ranked("p1", "p2", "p3"), ranked("p3", "p4", "p5"));
    assertEquals("p3", fused.get(0), "ranks 3 and 1 beat rank 1 alone");
    assertEquals(5, fused.size(), "every paper either side found is kept once");
  }

  @Test
  void papersTiedOnRankAreOrderedById() {
    // p8 only by keyword at rank 1 and p5 only by meaning at rank 1 tie; so do p9 and p6 at rank 2
    List<String> fused = Fusion.reciprocalRank(List.of(), ranked("p8", "p9"), ranked("p5", "p6"));
    assertEquals(List.of("p5", "p8", "p6", "p9"), fused);
  }

  @Test
  void exactMatchesStayFirstInTheirOrder() {
    List<String> fused =
        Fusion.reciprocalRank(
            List.of(new Scored("p7", 5000f)), ranked("p2", "p3"), ranked("p2", "p3", "p7"));
    assertEquals(List.of("p7", "p2", "p3"), fused);
  }
}
