package dev.paperboy;

import dev.paperboy.lucene.LuceneIndex;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.Search;
import dev.paperboy.solr.SolrCluster;
import dev.paperboy.solr.SolrIndex;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import java.nio.file.Path;
import java.time.Clock;

/** Where the choice of search engine is made: the one place that names an implementation. */
public final class Engines {

  /** The vector size of every embedding model Paperboy ships (a Solr schema must name one). */
  static final int VECTOR_DIMENSION = 384;

  private Engines() {}

  /**
   * Search over the embedded Lucene index in {@code indexDir}, following {@code db}.
   *
   * @param readOnlyIfInUse when another process (a server) writes the index, read its latest commit
   *     instead of failing; such a search never writes
   */
  public static Search search(
      Database db, Path indexDir, String model, String node, boolean readOnlyIfInUse) {
    return search(db, SearchSettings.EMBEDDED, indexDir, model, node, readOnlyIfInUse);
  }

  /**
   * Search over the configured engine: the embedded index in {@code indexDir}, or the SolrCloud
   * collection all nodes share (a read-only search then leaves following the log to the servers).
   */
  public static Search search(
      Database db,
      SearchSettings settings,
      Path indexDir,
      String model,
      String node,
      boolean readOnlyIfInUse) {
    PaperIndex index;
    if (settings.solr()) {
      index = solr(settings, !readOnlyIfInUse);
    } else {
      index = readOnlyIfInUse ? LuceneIndex.openOrRead(indexDir) : LuceneIndex.open(indexDir);
    }
    return new Search(
        index,
        new PaperStore(db),
        new PaperVectors(db),
        new PaperChanges(db),
        model,
        node,
        new Leases(db, node, Clock.systemUTC()));
  }

  /** Documents in the embedded index at {@code indexDir}, read without its lock (0 if none). */
  public static int indexedDocuments(Path indexDir) {
    return LuceneIndex.countDocuments(indexDir);
  }

  private static PaperIndex solr(SearchSettings settings, boolean writable) {
    SolrCluster cluster =
        SolrCluster.connect(
            settings.solrZk(),
            settings.solrUrls(),
            settings.shards(),
            settings.replicas(),
            VECTOR_DIMENSION);
    return SolrIndex.open(cluster, settings.collection(), writable);
  }

  /**
   * Documents in the configured index: the embedded one's folder read without its lock (0 if none),
   * or the shared SolrCloud collection.
   */
  public static int indexedDocuments(Config config) {
    if (!config.search().solr()) {
      return indexedDocuments(config.indexDir());
    }
    try (PaperIndex index = solr(config.search(), false)) {
      return index.count();
    }
  }
}
