package dev.paperboy;

import dev.paperboy.lucene.LuceneIndex;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.Search;
import dev.paperboy.storage.Database;
import java.nio.file.Path;

/** Where the choice of search engine is made: the one place that names an implementation. */
public final class Engines {

  private Engines() {}

  /**
   * Search over the embedded Lucene index in {@code indexDir}, following {@code db}.
   *
   * @param readOnlyIfInUse when another process (a server) writes the index, read its latest commit
   *     instead of failing; such a search never writes
   */
  public static Search search(
      Database db, Path indexDir, String model, String node, boolean readOnlyIfInUse) {
    PaperStore store = new PaperStore(db);
    PaperVectors vectors = new PaperVectors(db);
    return new Search(
        readOnlyIfInUse ? LuceneIndex.openOrRead(indexDir) : LuceneIndex.open(indexDir),
        store,
        vectors,
        new PaperChanges(db),
        model,
        node);
  }

  /** Documents in the embedded index at {@code indexDir}, read without its lock (0 if none). */
  public static int indexedDocuments(Path indexDir) {
    return LuceneIndex.countDocuments(indexDir);
  }
}
