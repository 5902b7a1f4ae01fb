package dev.paperboy.search;

import java.util.List;

/** Turns text into a unit-length vector; queries and passages may be encoded differently. */
public interface Embedder extends AutoCloseable {

  /** The model's name, stored beside each vector so a model change re-embeds. */
  String model();

  int dimension();

  float[] embedQuery(String query);

  float[] embedPassage(String passage);

  /**
   * The passages' vectors in the given order. A model may run them together, in batches of texts of
   * similar length; a quantized model's vectors then differ a little from one-at-a-time ones.
   */
  default List<float[]> embedPassages(List<String> passages) {
    return passages.stream().map(this::embedPassage).toList();
  }

  /** Frees the model's native resources. */
  @Override
  default void close() {}
}
