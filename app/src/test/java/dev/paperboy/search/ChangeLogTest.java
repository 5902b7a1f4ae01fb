package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestDatabases;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.TestPapers;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index follows the database's change log only: whatever writes the database, from how
 * many threads or processes, the index ends up holding exactly the papers the database shows.
 */
class ChangeLogTest {

  @TempDir Path dir;

  static Paper paper(String id, String title, int votes) {
    return paper(id, 1, title, votes);
  }

  /** A listing's paper; a later version replaces an earlier one's text. */
  static Paper paper(String id, int version, String title, int votes) {
    Paper p = TestPapers.listing(id, version, title);
    return votes == 0 ? p : p.withDatesAndCounts(null, null, votes, 0, null);
  }

  static long hits(Search search, String words) {
    return search.service().search(SearchRequest.of(words, 100), SearchMode.KEYWORD, false).total();
  }

  @Test
  void concurrentWritersLeaveTheIndexHoldingExactlyTheDatabasesPapers() throws Exception {
    int writers = 4;
    int rounds = 30;
    int papersEach = 20;
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      search.start(Duration.ofMillis(5)); // the follower reads while the writers write
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(
                () -> {
                  // each writer its own store, as another process would have
                  PaperStore store = new PaperStore(db);
                  for (int round = 1; round <= rounds; round++) {
                    List<Paper> batch = new ArrayList<>();
                    for (int i = 0; i < papersEach; i++) {
                      String id = String.format("2608.%01d%04d", writer, i);
                      batch.add(paper(id, round, "Kernels w" + writer + "r" + round, 0));
                    }
                    store.upsert(batch);
                    if (round % 7 == 0) {
                      String hidden = String.format("2608.%01d%04d", writer, round % papersEach);
                      boolean hide = round % 14 == 0;
                      db.transaction(c -> store.setHidden(c, hidden, hide));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      pool.shutdown();
      search.follower().catchUp(null);

      PaperStore store = new PaperStore(db);
      Set<String> visible = new HashSet<>();
      store.forEach(
          500,
          papers -> papers.stream().filter(p -> !p.hidden()).forEach(p -> visible.add(p.id())));
      assertFalse(visible.isEmpty());
      assertEquals(visible.size(), search.indexedCount(), "one document per visible paper");
      for (int w = 0; w < writers; w++) {
        assertEquals(0, hits(search, "w" + w + "r" + (rounds - 1)), "no stale text is left");
        String prefix = "2608." + w;
        long shown = visible.stream().filter(id -> id.startsWith(prefix)).count();
        assertEquals(shown, hits(search, "w" + w + "r" + rounds), "every last version");
      }
      assertEquals(0, search.follower().lag(), "the follower has read the whole log");
    }
  }

  @Test
  void compactionKeepsTheLatestChangeOfEachPaperAndANewIndexStillReadsEverything() {
    try (Database db = TestDatabases.open(dir)) {
      PaperStore store = new PaperStore(db);
      for (int version = 1; version <= 5; version++) {
        store.upsert(
            List.of(
                paper("2608.00001", version, "Sparse attention v" + version, 0),
                paper("2608.00002", version, "Graph transformers v" + version, 0)));
      }
      PaperChanges changes = new PaperChanges(db);
      assertEquals(10, changes.countAfter(PaperChanges.Position.START));
      assertEquals(8, changes.compact(1000));
      assertEquals(0, changes.compact(1000), "nothing left to compact");
      try (Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
        assertEquals(2, search.follower().catchUp(null));
        assertEquals(2, hits(search, "v5"));
        assertEquals(0, hits(search, "v4"));
      }
    }
  }

  @Test
  void aRebuildIndexesEachPaperOnceThoughTheLogHoldsItTwice() {
    int count = 2_100; // more than one batch of the log, so the two changes of a paper are apart
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      PaperStore store = new PaperStore(db);
      for (int version = 1; version <= 2; version++) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          papers.add(paper(String.format("2608.%05d", i), version, "Kernels v" + version, 0));
        }
        store.upsert(papers);
      }
      assertEquals(2 * count, new PaperChanges(db).countAfter(PaperChanges.Position.START));
      assertEquals(count, search.follower().rebuild(null), "papers indexed, not log rows");
      assertEquals(count, search.indexedCount());
      assertTrue(hits(search, "v2") > 0);
      assertEquals(0, hits(search, "v1"), "no first version is left");
      assertEquals(0, search.follower().lag());
    }
  }

  @Test
  void aVoteReordersSearchByUpvotesWithoutTouchingTheIndex() {
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      PaperStore store = new PaperStore(db);
      store.upsert(
          List.of(
              paper("2608.00001", "Diffusion transformers for video", 10),
              paper("2608.00002", "Diffusion transformers for audio", 11)));
      search.follower().catchUp(null);
      SearchRequest byVotes =
          new SearchRequest(
              "diffusion transformers",
              null,
              null,
              null,
              false,
              SearchRequest.Order.UPVOTES,
              0,
              10);
      assertEquals(List.of("2608.00002", "2608.00001"), ids(search, byVotes));

      PaperChanges changes = new PaperChanges(db);
      long logged = changes.countAfter(PaperChanges.Position.START);
      db.transaction(
          c -> {
            store.addCommunityCounts(c, "2608.00001", 2, 0);
            return null;
          });
      assertEquals(logged, changes.countAfter(PaperChanges.Position.START), "no change logged");
      assertEquals(List.of("2608.00001", "2608.00002"), ids(search, byVotes), "12 beats 11");
      assertTrue(
          db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM index_watermarks")) >= 1,
          "the index keeps its place in the database");
    }
  }

  static List<String> ids(Search search, SearchRequest r) {
    return search.service().search(r).hits().stream().map(SearchResults.Hit::id).toList();
  }

  @Test
  void anIndexGrownByIncrementsIsMergedIntoOneSegmentAndFindsTheSame() {
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      PaperStore store = new PaperStore(db);
      for (int day = 0; day < 5; day++) {
        List<Paper> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          batch.add(paper(String.format("2608.%05d", day * 100 + i), "Sparse kernels " + day, 0));
        }
        store.upsert(batch);
        search.follower().catchUp(null); // one commit per increment, one segment each
      }
      assertTrue(
          search.indexSegments() > 1, "increments leave segments: " + search.indexSegments());
      long before = hits(search, "sparse kernels");
      assertEquals(50, before);

      assertTrue(search.follower().mergeIfFragmented());
      assertEquals(1, search.indexSegments());
      assertEquals(before, hits(search, "sparse kernels"));
      assertFalse(search.follower().mergeIfFragmented(), "a merged index is left alone");
    }
  }
}
