package dev.paperboy;

import dev.paperboy.cli.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search engine a test runs on: the embedded Lucene index by default or, when the system
 * property {@code paperboy.test.search} is {@code solr}, a collection of its own on a real
 * SolrCloud (two Solr nodes and ZooKeeper in a child JVM, started once per test JVM). The same
 * index folder always gets the same collection, so a test that reopens an index finds it.
 */
public final class TestSolr {

  private static final boolean SOLR =
      "solr".equals(System.getProperty("paperboy.test.search", "embedded"));
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Map<Path, SearchSettings> BY_DIR = new HashMap<>();
  private static LocalCluster cluster;

  private TestSolr() {}

  public static boolean onSolr() {
    return SOLR;
  }

  /** The test SolrCloud, started on first use and shut down with the JVM. */
  public static synchronized LocalCluster cluster() {
    if (cluster == null) {
      try {
        Path dir = Files.createTempDirectory("paperboy-solr");
        cluster = LocalCluster.start(dir, 2, false, null);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the test SolrCloud", e);
      }
    }
    return cluster;
  }

  /** A new collection of 2 shards with 1 replica each on the test SolrCloud. */
  public static SearchSettings fresh() {
    return SearchSettings.solr(cluster().addresses().zookeeper())
        .withCollection("test" + NEXT.incrementAndGet() + "-" + ProcessHandle.current().pid())
        .withLayout(2, 1);
  }

  /** The engine for the index in {@code indexDir}: embedded, or that folder's own collection. */
  public static synchronized SearchSettings settings(Path indexDir) {
    if (!SOLR) {
      return SearchSettings.EMBEDDED;
    }
    return BY_DIR.computeIfAbsent(indexDir.toAbsolutePath().normalize(), d -> fresh());
  }
}
