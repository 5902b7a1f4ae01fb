package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.Config;
import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search by meaning with the real default ONNX model over two recorded HF days (32 papers). */
class SemanticSearchTest {

  @TempDir static Path dir;
  static Database db;
  static PaperStore store;
  static Search parts;
  static SearchService search;

  @BeforeAll
  static void build() {
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
    parts = TestSearches.withModel(db, dir.resolve("index"), Config.DEFAULT_EMBEDDING_MODEL);
    search = parts.service();
    new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
        .run(
            List.of(
                TestApps.resource("web/2026-08-20.json"),
                TestApps.resource("web/2026-08-21.json")));
    assertEquals(32, parts.backlog().embed(Long.MAX_VALUE, null));
    parts.follower().catchUp(null);
  }

  @AfterAll
  static void close() {
    parts.close();
    db.close();
  }

  static List<String> ids(String q, SearchMode mode) {
    return search.search(SearchRequest.of(q, 5), mode).hits().stream()
        .map(SearchResults.Hit::id)
        .toList();
  }

  @Test
  void aParaphraseWithNoSharedWordsIsFoundByMeaning() {
    String query = "turning a person filmed with one handheld camera into a moving 3D avatar";
    assertEquals("2608.20335", ids(query, SearchMode.SEMANTIC).get(0));
    assertEquals("2608.20335", ids(query, SearchMode.HYBRID).get(0));
  }

  @Test
  void anExactIdStaysPinnedFirstInHybridSearch() {
    assertEquals("2608.17426", ids("2608.17426", SearchMode.HYBRID).get(0));
  }

  @Test
  void similarPapersAreNeighboursInMeaningAndNeverThePaperItself() {
    List<String> similar = search.similar("2608.19880", 5);
    assertEquals(5, similar.size());
    assertFalse(similar.contains("2608.19880"));
    // EnvHarness (agent environments) sits nearest to SPADE (self-play in executable environments)
    assertTrue(similar.subList(0, 3).contains("2608.19197"), similar.toString());
  }

  @Test
  void everyPaperHasAVectorAndTheStatusSaysSo() {
    Search.Status status = parts.status();
    assertEquals(32, status.papers());
    assertEquals(32, status.embedded());
    assertEquals(32, status.indexed());
    assertTrue(status.modelLoaded());
    assertNull(status.problem());
  }

  @Test
  void aRebuiltIndexKeepsItsVectorsWithoutEmbeddingAgain() {
    // each paper was logged twice (imported, then embedded): a rebuild indexes it once
    assertEquals(32, parts.follower().rebuild(null));
    assertEquals(0, parts.backlog().embed(Long.MAX_VALUE, null));
    assertEquals(32, parts.indexedCount());
    String query = "turning a person filmed with one handheld camera into a moving 3D avatar";
    assertEquals("2608.20335", ids(query, SearchMode.SEMANTIC).get(0));
  }

  @Test
  void withoutAModelSearchAnswersByKeywordAndSaysSo(@TempDir Path other) {
    try (Search keywordOnly = TestSearches.withModel(db, other.resolve("index"), "no-such-model")) {
      keywordOnly.follower().catchUp(null);
      assertTrue(keywordOnly.model().load().isEmpty());
      SearchResults results =
          keywordOnly.service().search(SearchRequest.of("EnvHarness agents", 5));
      assertEquals("2608.19880", results.hits().get(0).id());
      assertTrue(results.notice().startsWith("Search by meaning is unavailable"), results.notice());
      assertTrue(results.notice().contains("unknown embedding model 'no-such-model'"));
      assertTrue(keywordOnly.service().similar("2608.19880", 5).isEmpty());
    }
  }

  @Test
  void papersFoundByMeaningAloneAreMarkedAndCountedAndTheRestHaveAWordOfTheQuery() {
    String query = "turning a person filmed with one handheld camera into a moving 3D avatar";
    SearchResults hybrid = search.search(SearchRequest.of(query, 20), SearchMode.HYBRID);
    SearchResults words = search.search(SearchRequest.of(query, 100), SearchMode.KEYWORD);
    java.util.Set<String> matchedWords =
        words.hits().stream()
            .map(SearchResults.Hit::id)
            .collect(java.util.stream.Collectors.toSet());
    assertFalse(hybrid.hits().isEmpty());
    long byMeaning = hybrid.hits().stream().filter(SearchResults.Hit::byMeaning).count();
    assertTrue(byMeaning > 0, "some papers are close in meaning only");
    for (SearchResults.Hit h : hybrid.hits()) {
      assertEquals(!matchedWords.contains(h.id()), h.byMeaning(), h.id());
    }
    assertEquals(words.total() + byMeaning, hybrid.total(), "the count is what is shown");
  }

  @Test
  void nonsenseFindsNothingByWordsOrByMeaning() {
    List<String> found = new java.util.ArrayList<>();
    for (String q : dev.paperboy.eval.Evaluation.nonsense()) {
      SearchResults r = search.search(SearchRequest.of(q, 10), SearchMode.HYBRID);
      if (!r.hits().isEmpty() || r.total() != 0) {
        found.add(q + " → " + r.hits().get(0).id());
      }
    }
    assertEquals(50, dev.paperboy.eval.Evaluation.nonsense().size());
    assertEquals(List.of(), found);
  }

  @Test
  void aNameFindsThatPersonsPaperFirstInHybridSearchToo() {
    Paper p = store.find("2608.19880").orElseThrow();
    String author = p.authors().get(0);
    assertEquals("2608.19880", ids(author, SearchMode.HYBRID).get(0), author);
  }
}
