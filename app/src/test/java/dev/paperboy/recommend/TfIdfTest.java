package dev.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfTest {

  private static final TfIdf.Options ALL = new TfIdf.Options(1, 1.0, 1000, true);
  private static final TfIdf.Options WORDS = new TfIdf.Options(1, 1.0, 1000, false);

  @Test
  void tokensAreScikitLearnsWordsWithoutStopWordsOrNumbers() {
    assertEquals(
        List.of("kv", "cache", "compression", "llama", "naive", "x_1"),
        TfIdf.tokens("The KV-cache compression of Llama 3 is naïve: x_1, 2x, a π"));
  }

  @Test
  void bigramsJoinNeighbouringTokensAfterStopWordsAreDropped() {
    assertEquals(
        List.of("kv", "cache", "kv cache"), TfIdf.terms("the kv of cache", ALL).subList(0, 3));
  }

  @Test
  void idfIsSmoothAndRareTermsWeighMore() {
    List<List<String>> docs =
        List.of(
            TfIdf.terms("sparse attention", ALL),
            TfIdf.terms("sparse retrieval", ALL),
            TfIdf.terms("dense retrieval", ALL));
    TfIdf tfidf = TfIdf.fit(docs, ALL);
    assertEquals(Math.log(4.0 / 3.0) + 1, tfidf.idf("sparse"), 1e-9);
    assertEquals(Math.log(4.0 / 2.0) + 1, tfidf.idf("attention"), 1e-9);
    SparseVector v = tfidf.vector(docs.get(0));
    assertEquals(1.0, v.squaredNorm(), 1e-6);
    assertEquals(3, v.size(), "sparse, attention, sparse attention");
  }

  @Test
  void sublinearTermFrequencyIsOnePlusItsLog() {
    List<List<String>> docs = List.of(TfIdf.terms("graph graph graph node", WORDS));
    TfIdf tfidf = TfIdf.fit(docs, WORDS);
    SparseVector v = tfidf.vector(docs.get(0));
    double graph = 1 + Math.log(3);
    double norm = Math.sqrt(graph * graph + 1);
    assertEquals(graph / norm, v.value()[0], 1e-6, "the most frequent term comes first");
    assertEquals(1 / norm, v.value()[1], 1e-6);
  }

  @Test
  void documentFrequencyBoundsDropTermsInTooFewOrTooManyDocuments() {
    List<List<String>> docs = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      docs.add(TfIdf.terms("model word" + (i % 4) + (i == 0 ? " unique" : ""), WORDS));
    }
    TfIdf tfidf = TfIdf.fit(docs, new TfIdf.Options(2, 0.5, 1000, false));
    assertEquals(0, tfidf.idf("model"), "in every document: above max_df");
    assertEquals(0, tfidf.idf("unique"), "in one document: below min_df");
    assertTrue(tfidf.idf("word1") > 0);
    assertFalse(tfidf.size() > 4);
  }
}
