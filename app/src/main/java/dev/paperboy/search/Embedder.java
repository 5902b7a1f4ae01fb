package dev.paperboy.search;

/** Turns text into a unit-length vector; queries and passages may be encoded differently. */
public interface Embedder extends AutoCloseable {

  /** The model's name, stored beside each vector so a model change re-embeds. */
  String model();

  int dimension();

  float[] embedQuery(String query);

  float[] embedPassage(String passage);

  /** Frees the model's native resources. */
  @Override
  default void close() {}
}
