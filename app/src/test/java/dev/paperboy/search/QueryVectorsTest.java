package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A query asked again is answered from memory, never with another model's vector. */
class QueryVectorsTest {

  /** Counts the queries it embeds; a query's vector is its length and its model's number. */
  static final class Counting implements Embedder {
    final String model;
    final AtomicInteger embedded = new AtomicInteger();

    Counting(String model) {
      this.model = model;
    }

    @Override
    public String model() {
      return model;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embedQuery(String query) {
      embedded.incrementAndGet();
      return new float[] {query.length(), model.length()};
    }

    @Override
    public float[] embedPassage(String passage) {
      return new float[] {-passage.length(), model.length()}; // never asked for here
    }

    @Override
    public void close() {}
  }

  @Test
  void aRepeatedQueryIsEmbeddedOnceAndEachModelKeepsItsOwn() {
    QueryVectors vectors = new QueryVectors();
    Counting small = new Counting("small");
    Counting other = new Counting("a-larger-model");
    float[] first = vectors.of(small, "diffusion models");
    first[0] = -1; // a caller scribbling on its copy changes nothing kept
    assertArrayEquals(new float[] {16, 5}, vectors.of(small, "diffusion models"));
    assertEquals(1, small.embedded.get());
    assertArrayEquals(new float[] {16, 14}, vectors.of(other, "diffusion models"));
    assertEquals(1, other.embedded.get());
  }

  @Test
  void theCacheKeepsAtMostItsCapacity() {
    QueryVectors vectors = new QueryVectors();
    Counting small = new Counting("small");
    for (int i = 0; i < QueryVectors.CAPACITY + 100; i++) {
      vectors.of(small, "query " + i);
    }
    assertEquals(QueryVectors.CAPACITY, vectors.size());
    vectors.of(small, "query 0"); // the oldest went first
    assertEquals(QueryVectors.CAPACITY + 101, small.embedded.get());
  }
}
