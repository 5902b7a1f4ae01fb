package dev.paperboy.search;

import dev.paperboy.Engines;
import dev.paperboy.TestSolr;
import dev.paperboy.storage.Database;
import java.nio.file.Path;

/**
 * Search over a real index for a test: the embedded one in the test's folder, or that folder's own
 * SolrCloud collection when the tests run on Solr (see {@link TestSolr}).
 */
public final class TestSearches {

  private TestSearches() {}

  /** Keyword-only search (no model to load), for tests that need no meaning. */
  public static Search keywordOnly(Database db, Path indexDir) {
    return withModel(db, indexDir, EmbeddingModel.NONE);
  }

  /** Search with the given embedding model. */
  public static Search withModel(Database db, Path indexDir, String model) {
    return Engines.search(db, TestSolr.settings(indexDir), indexDir, model, "test", false);
  }
}
