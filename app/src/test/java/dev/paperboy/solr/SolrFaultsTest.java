package dev.paperboy.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Engines;
import dev.paperboy.Poll;
import dev.paperboy.SearchSettings;
import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.TestSolr;
import dev.paperboy.cli.LocalCluster;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.EmbeddingModel;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchUnavailableException;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SolrCloud failing under Paperboy: a node stopped mid-run, the whole cluster out of reach, two
 * Paperboy nodes sharing one collection, and a rebuild switching the alias under live searches.
 * Each test gets a collection of 2 shards x 2 replicas on the two test Solr nodes.
 */
class SolrFaultsTest {

  static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;
  Database db;
  PaperStore store;
  SearchSettings settings;
  Search search;
  LocalCluster cluster;

  @BeforeEach
  void start() {
    cluster = TestSolr.cluster();
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
    settings = TestSolr.fresh().withLayout(2, 2);
    search = open("node-a");
    importResource("web/2026-08-20.json");
    importResource("web/2026-08-21.json");
    assertEquals(32, search.follower().catchUp(null));
  }

  @AfterEach
  void stop() {
    // whatever a test stopped comes back for the next one
    cluster.startSolrNode(0);
    cluster.startSolrNode(1);
    search.close();
    db.close();
  }

  Search open(String node) {
    return Engines.search(db, settings, null, EmbeddingModel.NONE, node, false);
  }

  void importResource(String resource) {
    new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(TestApps.resource(resource)));
  }

  static List<String> ids(Search s, String query) {
    return s.service().search(SearchRequest.of(query, 10), SearchMode.KEYWORD, true).hits().stream()
        .map(SearchResults.Hit::id)
        .toList();
  }

  @Test
  void withOneSolrNodeStoppedSearchAnswersAndIndexingGoesOn() throws Exception {
    cluster.stopSolrNode(1);
    // the other node holds a replica of every shard
    assertEquals("2608.19880", ids(search, "EnvHarness").get(0));
    importResource("web/2026-07-01.jsonl.gz"); // 301 papers of an arXiv listing day
    // a shard whose leader was on the stopped node takes a few seconds to elect another
    Poll.until(
        PATIENCE,
        "indexing with one Solr node down",
        () -> {
          try {
            search.follower().catchUp(null);
            return search.follower().lag() == 0;
          } catch (SearchUnavailableException e) {
            return false;
          }
        });
    assertEquals(333, search.indexedCount());
    assertEquals("2606.31294", ids(search, store.find("2606.31294").orElseThrow().title()).get(0));
  }

  @Test
  void withSolrOutOfReachSearchSaysSoAndNothingIsLostWhenItReturns() throws Exception {
    cluster.stopSolrNode(0);
    cluster.stopSolrNode(1);

    SearchResults words = search.service().search(SearchRequest.of("EnvHarness", 10));
    assertTrue(words.hits().isEmpty());
    assertTrue(words.notice().startsWith("Search is unavailable right now"), words.notice());
    // what the database alone can answer
    SearchResults byId = search.service().search(SearchRequest.of("2608.19880", 10));
    assertEquals(List.of("2608.19880"), byId.hits().stream().map(SearchResults.Hit::id).toList());
    assertTrue(search.indexProblem().isPresent());
    assertEquals(-1, search.status().indexed());

    // the database takes new papers meanwhile; the follower cannot index them yet
    importResource("web/2026-07-01.jsonl.gz");
    assertThrows(SearchUnavailableException.class, () -> search.follower().catchUp(null));
    assertEquals(301, search.follower().lag());

    cluster.startSolrNode(0);
    cluster.startSolrNode(1);
    Poll.until(
        PATIENCE,
        "the follower catching up once Solr is back",
        () -> {
          try {
            search.follower().catchUp(null);
            return search.follower().lag() == 0;
          } catch (SearchUnavailableException e) {
            return false;
          }
        });
    assertEquals(333, search.indexedCount());
    assertEquals("2608.19880", ids(search, "EnvHarness").get(0));
  }

  @Test
  void twoPaperboyNodesShareTheIndexAndOneFeedsIt() throws Exception {
    try (Search other = open("node-b")) {
      search.start(Duration.ofMillis(200));
      other.start(Duration.ofMillis(200));
      Poll.until(
          PATIENCE,
          "one node taking the follower's lease",
          () -> search.follower().leading() || other.follower().leading());
      assertNotEquals(search.follower().leading(), other.follower().leading());
      importResource("web/2026-07-01.jsonl.gz");
      Poll.until(PATIENCE, "the shared index catching up", () -> other.indexedCount() == 333);
      // both nodes search the same index: what one node's follower indexed, the other finds
      assertEquals("2608.19880", ids(other, "EnvHarness").get(0));
      assertEquals(ids(search, "graph neural networks"), ids(other, "graph neural networks"));
      assertFalse(ids(other, "graph neural networks").isEmpty());
    }
  }

  @Test
  void aRebuildSwitchesTheAliasWhileSearchesGoOn() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger searches = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread searching =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  SearchResults r =
                      search
                          .service()
                          .search(SearchRequest.of("EnvHarness", 5), SearchMode.KEYWORD, true);
                  if (r.hits().isEmpty() || r.notice() != null) {
                    failure.compareAndSet(null, "no results: " + r.notice());
                  }
                  searches.incrementAndGet();
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e.toString());
                }
              }
            });
    searching.start();
    try (Search rebuilder = open("reindex")) {
      String old = rebuilder.follower().watermark() + "";
      assertEquals(32, rebuilder.follower().rebuild(null));
      assertEquals(old, rebuilder.follower().watermark() + "", "the new build read the whole log");
    } finally {
      done.set(true);
      searching.join();
    }
    assertTrue(failure.get() == null, failure.get());
    assertTrue(searches.get() > 10, "searches during the rebuild: " + searches.get());
    assertEquals(32, search.indexedCount());
    assertEquals("2608.19880", ids(search, "EnvHarness").get(0));
  }

  @Test
  void aCollectionMadeByAnOlderBuildSaysToReindexAndReindexMendsIt() throws Exception {
    // the alias points at a collection whose configset is not this build's (as after an upgrade)
    try (SolrCluster solr =
        SolrCluster.connect(settings.solrZk(), settings.solrUrls(), 1, 1, 384)) {
      String current = solr.ensure(settings.collection());
      String older = "paperboy-older-" + settings.collection();
      new org.apache.solr.client.solrj.request.ConfigSetAdminRequest.Create()
          .setConfigSetName(older)
          .setBaseConfigSetName(
              solr.client().getClusterStateProvider().getCollection(current).getConfigName())
          .process(solr.client());
      String made = settings.collection() + "_older";
      org.apache.solr.client.solrj.request.CollectionAdminRequest.createCollection(
              made, older, 1, 1)
          .process(solr.client());
      solr.switchAlias(settings.collection(), made);
    }
    try (Search upgraded = open("upgraded")) {
      String problem = upgraded.indexProblem().orElse("");
      assertTrue(problem.contains("run `paperboy reindex`"), problem);
      assertEquals(32, upgraded.follower().rebuild(null));
      assertEquals(
          java.util.Optional.empty(), upgraded.indexProblem(), "rebuilt with this build's");
      assertEquals("2608.19880", ids(upgraded, "EnvHarness").get(0));
    }
  }
}
