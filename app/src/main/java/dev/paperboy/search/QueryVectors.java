package dev.paperboy.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of recent queries, so a query asked again (the next page of results, the same
 * trending topic from many readers, a feed reader polling a saved search) skips the model. Keyed by
 * the model's name too: a new model never answers with an old one's vector. Bounded in entries;
 * each holds one query of at most {@link SearchRequest#MAX_QUERY_CHARS} and one vector.
 */
final class QueryVectors {

  static final int CAPACITY = 2048;

  private record Key(String model, String query) {}

  private final Map<Key, float[]> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The query's vector from the embedder, or from memory when it was asked lately. */
  float[] of(Embedder embedder, String query) {
    Key key = new Key(embedder.model(), query);
    synchronized (this) {
      float[] known = recent.get(key);
      if (known != null) {
        return known.clone();
      }
    }
    float[] vector = embedder.embedQuery(query);
    synchronized (this) {
      recent.put(key, vector.clone());
    }
    return vector;
  }

  synchronized int size() {
    return recent.size();
  }
}
