package dev.paperboy.search;

import dev.paperboy.Engines;
import dev.paperboy.storage.Database;
import java.nio.file.Path;

/** Search over a real embedded index in a test's folder. */
public final class TestSearches {

  private TestSearches() {}

  /** Keyword-only search (no model to load), for tests that need no meaning. */
  public static Search keywordOnly(Database db, Path indexDir) {
    return Engines.search(db, indexDir, EmbeddingModel.NONE, "test", false);
  }

  /** Search with the default embedding model. */
  public static Search withModel(Database db, Path indexDir, String model) {
    return Engines.search(db, indexDir, model, "test", false);
  }
}
