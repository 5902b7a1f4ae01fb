package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion over documents whose paper id is "p" + their doc number. */
class FusionTest {

  final List<Integer> looked = new ArrayList<>();

  String id(int doc) {
    looked.add(doc);
    return "p" + doc;
  }

  static ScoreDoc[] docs(int... docs) {
    ScoreDoc[] out = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = new ScoreDoc(docs[i], docs.length - i);
    }
    return out;
  }

  static List<Integer> order(List<ScoreDoc> fused) {
    return fused.stream().map(d -> d.doc).toList();
  }

  @Test
  void aPaperBothSidesFoundBeatsPapersOnlyOneFound() {
    List<ScoreDoc> fused = Fusion.reciprocalRank(docs(1, 2, 3), docs(3, 4, 5), 1000f, 10, this::id);
    assertEquals(3, fused.get(0).doc, "ranks 3 and 1 beat rank 1 alone");
  }

  @Test
  void papersTiedOnRankAreOrderedById() {
    // 8 only by keyword at rank 1 and 5 only by meaning at rank 1 tie; so do 9 and 6 at rank 2
    List<ScoreDoc> fused = Fusion.reciprocalRank(docs(8, 9), docs(5, 6), 1000f, 10, this::id);
    assertEquals(List.of(5, 8, 6, 9), order(fused));
  }

  @Test
  void tiesPastThePlacesShownAreNotLookedUp() {
    List<ScoreDoc> fused =
        Fusion.reciprocalRank(docs(8, 9, 10, 11), docs(5, 6, 7, 12), 1000f, 2, this::id);
    assertEquals(List.of(5, 8), order(fused).subList(0, 2));
    assertEquals(List.of(8, 5), looked, "only the first tie needed ids");
  }

  @Test
  void exactMatchesStayFirstInTheirOrder() {
    ScoreDoc[] keyword = {new ScoreDoc(7, 5000f), new ScoreDoc(2, 3f), new ScoreDoc(3, 2f)};
    List<ScoreDoc> fused = Fusion.reciprocalRank(keyword, docs(2, 3, 7), 5000f, 10, this::id);
    assertEquals(List.of(7, 2, 3), order(fused));
  }
}
