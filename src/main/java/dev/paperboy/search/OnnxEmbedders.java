package dev.paperboy.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * The in-process ONNX sentence-embedding models that ship inside Maven artifacts (no download at
 * run time).
 */
public final class OnnxEmbedders {

  public static final String BGE_SMALL_Q = "bge-small-en-v1.5-q";
  public static final String MINILM_Q = "all-minilm-l6-v2-q";
  public static final List<String> NAMES = List.of(BGE_SMALL_Q, MINILM_Q);

  private static final String BGE_QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  private OnnxEmbedders() {}

  /** Loads the named model; throws {@link IllegalArgumentException} for an unknown name. */
  public static Embedder load(String name) {
    return switch (name) {
      case BGE_SMALL_Q ->
          new Model(name, new BgeSmallEnV15QuantizedEmbeddingModel(), BGE_QUERY_PREFIX);
      case MINILM_Q -> new Model(name, new AllMiniLmL6V2QuantizedEmbeddingModel(), "");
      default ->
          throw new IllegalArgumentException(
              "unknown embedding model '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }

  private record Model(String model, EmbeddingModel onnx, String queryPrefix) implements Embedder {

    @Override
    public int dimension() {
      return onnx.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
      return unit(onnx.embed(queryPrefix + query).content().vector());
    }

    @Override
    public float[] embedPassage(String passage) {
      return unit(onnx.embed(passage).content().vector());
    }
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
