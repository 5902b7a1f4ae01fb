package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paperboy.TestDatabases;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.TestPapers;
import dev.paperboy.storage.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short query's words in their order count extra in every paper, however far down the words alone
 * would rank it: "diffusion models" once in a long abstract beats hundreds of short abstracts that
 * have both words apart.
 */
class PhraseRankingTest {

  @TempDir Path dir;

  private static Paper paper(String id, String title, String abstractText) {
    return TestPapers.listing(id, 1, title, abstractText);
  }

  private static List<String> ids(Search search, String query, int n) {
    return search
        .service()
        .search(SearchRequest.of(query, n), SearchMode.KEYWORD, false)
        .hits()
        .stream()
        .map(SearchResults.Hit::id)
        .toList();
  }

  @Test
  void thePhraseLiftsAPaperFromBelowHundredsWithTheWordsApart() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) { // neither word: they keep the two words rare enough to count
      papers.add(
          paper(
              String.format("2608.%05d", i),
              "Graph kernels " + i,
              "We compare graph kernels on molecule benchmark " + i + "."));
    }
    for (int i = 0; i < 300; i++) { // both words, short, never side by side in that order
      papers.add(
          paper(
              String.format("2608.%05d", 10_000 + i),
              "Ocean currents " + i,
              "Models of ocean currents " + i + " show slow diffusion."));
    }
    String phrase = "2608.99999";
    papers.add(
        paper(
            phrase,
            "A survey of image synthesis",
            "We survey how images are synthesised from text, sketches and layouts, and how such"
                + " systems are trained, evaluated and deployed at scale in products used by many"
                + " people; we cover generative adversarial networks, variational autoencoders,"
                + " autoregressive transformers and diffusion models, the benchmarks that compare"
                + " them, the compute they need, their failure cases, the data sets they learn"
                + " from and the open questions of evaluation, safety and attribution that remain"
                + " for practitioners and for researchers who build the next generation of them."));
    try (Database db = TestDatabases.open(dir);
        Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
      new PaperStore(db).upsert(papers);
      search.follower().catchUp(null);

      List<String> top = ids(search, "diffusion models", 10);
      assertFalse(top.isEmpty());
      assertEquals(phrase, top.get(0), () -> "top 10: " + top);
      // the words alone rank it below the 300 short abstracts
      List<String> byWords = ids(search, "models diffusion", 400);
      assertEquals(301, byWords.size());
      assertEquals(phrase, byWords.get(300), () -> "by words: " + byWords.subList(295, 301));
    }
  }
}
