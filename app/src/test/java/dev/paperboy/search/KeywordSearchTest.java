package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Keyword search over a fixed corpus: two HF days and one arXiv listing day (333 papers). */
class KeywordSearchTest {

  @TempDir static Path dir;
  static Database db;
  static PaperStore store;
  static Search searchParts;
  static SearchService search;

  @BeforeAll
  static void build() {
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
    searchParts = TestSearches.keywordOnly(db, dir.resolve("index"));
    search = searchParts.service();
    new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()))
        .run(
            List.of(
                TestApps.resource("web/2026-08-20.json"),
                TestApps.resource("web/2026-08-21.json"),
                TestApps.resource("web/2026-07-01.jsonl.gz")));
    searchParts.follower().catchUp(null);
  }

  @AfterAll
  static void close() {
    searchParts.close();
    db.close();
  }

  static List<String> ids(SearchRequest r) {
    return search.search(r).hits().stream().map(SearchResults.Hit::id).toList();
  }

  static List<String> ids(String q) {
    return ids(SearchRequest.of(q, 10));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(resources = "/search/golden-queries.csv", numLinesToSkip = 1)
  void goldenQueriesFindTheirPaperFirst(String query, String expectedTopId) {
    assertEquals(expectedTopId, ids(query).get(0), () -> "top 10: " + ids(query));
  }

  @Test
  void everyImportedPaperIsIndexed() {
    assertEquals(333, searchParts.indexedCount());
  }

  /**
   * A person's name, as written, with initials, family name first or without accents, ranks every
   * paper of theirs above the rest.
   */
  @ParameterizedTest
  @CsvFileSource(resources = "/search/golden-authors.csv", numLinesToSkip = 1)
  void aNameRanksThatPersonsPapersFirst(String query, String author) {
    List<String> theirs = papersBy(author);
    assertTrue(!theirs.isEmpty(), author + " wrote papers of the corpus");
    List<String> top =
        ids(
            new SearchRequest(
                query, null, null, null, false, SearchRequest.Order.RELEVANCE, 0, theirs.size()));
    assertEquals(java.util.Set.copyOf(theirs), java.util.Set.copyOf(top), query + " → " + top);
  }

  private static List<String> papersBy(String author) {
    List<String> out = new java.util.ArrayList<>();
    store.forEach(
        500,
        papers ->
            papers.stream()
                .filter(p -> p.authors().contains(author))
                .forEach(p -> out.add(p.id())));
    return out;
  }

  @Test
  void anArxivIdThatIsNotStoredFindsNothingRatherThanPapersMentioningNumbers() {
    assertEquals(List.of(), ids("2501.99999"));
    assertEquals(List.of(), ids("https://arxiv.org/abs/2501.99999v2"));
    SearchResults r = search.search(SearchRequest.of("2501.99999", 20));
    assertEquals(0, r.total());
  }

  @Test
  void whenAFilterRemovesEverythingTheSuggestionNamesIt() {
    SearchResults r =
        search.search(
            new SearchRequest(
                "EnvHarness", null, null, "cs.XX", false, SearchRequest.Order.RELEVANCE, 0, 20));
    assertEquals(0, r.total());
    assertTrue(!r.suggestions().isEmpty(), "something to try");
    SearchResults.Suggestion s = r.suggestions().get(0);
    assertEquals(SearchResults.Suggestion.Kind.WITHOUT_FILTER, s.kind());
    assertEquals("category", s.filter());
    assertTrue(s.matches() >= 1, "papers match without it");
  }

  @Test
  void aQueryWithNoKnownWordFindsNothingAndSuggestsTheirSpelling() {
    SearchResults r =
        search.search(SearchRequest.of("retrosinthesis moddels chemicaly plausibel", 20));
    assertEquals(0, r.total(), "no paper has these words");
    assertTrue(r.hits().isEmpty());
    assertEquals(
        List.of(
            new SearchResults.Suggestion(
                SearchResults.Suggestion.Kind.SPELLING,
                "retrosynthesis models chemical plausible",
                null,
                0)),
        r.suggestions());
    assertEquals(List.of(), ids("qwertyuiop"), "a keyboard run is no word");
  }

  @Test
  void anExactArxivIdIsPinnedFirst() {
    assertEquals("2608.17253", ids("2608.17253").get(0));
    assertEquals("2608.17253", ids("arXiv:2608.17253v2").get(0));
  }

  @Test
  void anExactTitleIsPinnedFirstEvenWhenItsWordsAreCommon() {
    Paper p = store.find("2606.31294").orElseThrow();
    assertEquals(p.id(), ids(p.title().toUpperCase(java.util.Locale.ROOT)).get(0));
  }

  @Test
  void aShortQueryToleratesATypo() {
    assertEquals("2608.19880", ids("EnvHarnes").get(0));
  }

  @Test
  void matchedTermsAreHighlightedAndTheRestEscaped() {
    SearchResults.Hit hit = search.search(SearchRequest.of("EnvHarness", 1)).hits().get(0);
    assertTrue(hit.titleHtml().contains("<mark>EnvHarness</mark>"), hit.titleHtml());
    assertTrue(hit.abstractHtml().contains("<mark>"), hit.abstractHtml());
    assertTrue(hit.abstractHtml().contains("agent&#39;s") || !hit.abstractHtml().contains("'"));
  }

  @Test
  void filtersNarrowTheResults() {
    var withCode =
        new SearchRequest("agents", null, null, null, true, SearchRequest.Order.RELEVANCE, 0, 50);
    for (Paper p : store.findAll(ids(withCode))) {
      assertTrue(p.githubRepo() != null, p.id() + " has code");
    }
    LocalDate day = LocalDate.of(2026, 7, 1);
    var onDay =
        new SearchRequest("agents", day, day, null, false, SearchRequest.Order.RELEVANCE, 0, 50);
    assertTrue(!ids(onDay).isEmpty());
    for (Paper p : store.findAll(ids(onDay))) {
      assertEquals(day, p.dailyDate());
    }
    var inCategory =
        new SearchRequest(
            "codes", null, null, "cs.IT", false, SearchRequest.Order.RELEVANCE, 0, 50);
    for (Paper p : store.findAll(ids(inCategory))) {
      assertTrue(p.categories().contains("cs.IT"), p.id() + " " + p.categories());
    }
  }

  @Test
  void sortsOrderByUpvotesOrDayWithStablePages() {
    var byVotes =
        new SearchRequest("learning", null, null, null, false, SearchRequest.Order.UPVOTES, 0, 30);
    List<Paper> papers = store.findAll(ids(byVotes));
    for (int i = 1; i < papers.size(); i++) {
      assertTrue(papers.get(i - 1).upvotes() >= papers.get(i).upvotes());
    }
    var newest =
        new SearchRequest("learning", null, null, null, false, SearchRequest.Order.NEWEST, 0, 30);
    papers = store.findAll(ids(newest));
    for (int i = 1; i < papers.size(); i++) {
      assertTrue(!papers.get(i - 1).dailyDate().isBefore(papers.get(i).dailyDate()));
    }
    var page2 =
        new SearchRequest("learning", null, null, null, false, SearchRequest.Order.NEWEST, 10, 10);
    assertEquals(ids(newest).subList(10, 20), ids(page2));
  }

  @Test
  void aNewIndexCatchesUpWithTheDatabaseAfterACrash(@TempDir Path other) throws IOException {
    // the database was written but the process died before the index committed
    Files.createDirectories(other);
    try (Database db2 = TestDatabases.open(other)) {
      PaperStore store2 = new PaperStore(db2);
      new ImportJob(store2, new PrintStream(OutputStream.nullOutputStream()))
          .run(List.of(TestApps.resource("web/2026-08-21.json")));
      try (Search reopened = TestSearches.keywordOnly(db2, other.resolve("index"))) {
        assertEquals(0, reopened.indexedCount());
        assertEquals(17, reopened.follower().catchUp(null));
        assertEquals(17, reopened.indexedCount());
        assertEquals(0, reopened.follower().catchUp(null), "nothing left to repair");
        assertEquals(
            "2608.19880",
            reopened.service().search(SearchRequest.of("EnvHarness", 1)).hits().get(0).id());
      }
      try (Search again = TestSearches.keywordOnly(db2, other.resolve("index"))) {
        assertEquals(0, again.follower().catchUp(null), "the watermark survives a restart");
      }
    }
  }

  @Test
  void whileTheIndexIsBehindSearchSaysHowFarItHasGot(@TempDir Path other) throws Exception {
    // the database holds 333 papers; a new index has read none of them yet
    try (Search behind = TestSearches.keywordOnly(db, other.resolve("index"))) {
      SearchResults r = behind.service().search(SearchRequest.of("EnvHarness", 5));
      assertEquals(new SearchResults.Indexing(0, 333, 333), r.indexing());
      assertTrue(
          r.notice().contains("Still indexing: 0 of 333 papers are searchable so far"), r.notice());
      behind.follower().catchUp(null);
      dev.paperboy.Poll.until(
          java.time.Duration.ofSeconds(10),
          "the notice to go once the index has caught up",
          () -> behind.service().search(SearchRequest.of("EnvHarness", 5)).indexing() == null);
      SearchResults caughtUp = behind.service().search(SearchRequest.of("EnvHarness", 5));
      assertFalse(caughtUp.notice().contains("Still indexing"), caughtUp.notice());
      assertEquals("2608.19880", caughtUp.hits().get(0).id());
    }
  }
}
