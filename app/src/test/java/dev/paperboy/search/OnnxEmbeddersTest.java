package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbeddersTest {

  private static Embedder bge;

  @BeforeAll
  static void load() {
    bge = OnnxEmbedders.load(OnnxEmbedders.BGE_SMALL_Q);
  }

  @AfterAll
  static void close() {
    bge.close();
  }

  @Test
  void manyPassagesAtOnceGetTheVectorsEachGetsAloneInTheGivenOrder() {
    List<String> texts =
        List.of(
            "Attention is all you need. " + "We propose the Transformer. ".repeat(40),
            "Sparse mixtures of experts.",
            "Low-rank adaptation of large language models freezes the pretrained weights.");
    List<float[]> together = embedEachKeepingItsOwnVector(texts);
    assertTrue(
        cosine(together.get(1), together.get(2)) < 0.99, "different texts, different vectors");
  }

  @Test
  void textsOfManyLengthsOnSeveralThreadsEachGetTheirOwnVector() {
    // more texts than threads, long and short mixed, so runs overlap and reuse each other's buffers
    List<String> texts =
        java.util.stream.IntStream.range(0, 12)
            .mapToObj(
                i -> "Paper " + i + ": " + "scaling laws for sparse models. ".repeat(1 + i * 7))
            .toList();
    List<float[]> together = embedEachKeepingItsOwnVector(texts);
    assertTrue(cosine(together.get(0), together.get(11)) < 0.999, "a short and a long text differ");
  }

  @Test
  void noPassagesNoVectors() {
    assertEquals(List.of(), bge.embedPassages(List.of()));
  }

  @Test
  void aTextLongerThanTheModelsLimitIsCutAndStillAUnitVector() {
    float[] v = bge.embedPassage("diffusion models for protein design ".repeat(400));
    assertEquals(bge.dimension(), v.length);
    assertEquals(1.0, cosine(v, v), 1e-4);
  }

  /** The passages embedded together, each asserted to equal its vector embedded alone. */
  private static List<float[]> embedEachKeepingItsOwnVector(List<String> texts) {
    List<float[]> together = bge.embedPassages(texts);
    assertEquals(texts.size(), together.size());
    for (int i = 0; i < texts.size(); i++) {
      assertTrue(
          cosine(together.get(i), bge.embedPassage(texts.get(i))) > 0.9999,
          "text " + i + " keeps its own vector");
    }
    return together;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
