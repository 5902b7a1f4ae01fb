package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process importing while it indexes is killed with SIGKILL; the next start finds what the index
 * missed and repairs it, so the index again holds exactly the database's papers and versions.
 */
class CrashRepairTest {

  private static final Pattern MARK = Pattern.compile(ImportUntilKilled.MARK + "(\\d+)");

  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anImportKilledMidwayIsRepairedOnTheNextStart() throws Exception {
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                ImportUntilKilled.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String killPoint = "stored round 4 batch 2";
      for (String line = out.readLine(); !killPoint.equals(line); line = out.readLine()) {
        assertTrue(line != null, () -> "the importer died on its own:\n" + output);
        output.add(line);
      }
      child.destroyForcibly(); // SIGKILL in the middle of round 4: part of it is stored
      assertEquals(137, child.waitFor(), "killed, not finished");
    }

    try (Database db = Database.open(dir.resolve("paperboy.db"))) {
      PaperStore store = new PaperStore(db);
      try (Search search = TestSearches.keywordOnly(db, dir.resolve("index"))) {
        search.follower().catchUp(null);
        assertRepaired(store, search);
      }
    }
  }

  private static void assertRepaired(PaperStore store, Search search) {
    assertEquals(store.countAll(), search.indexedCount(), "one document per stored paper");
    Map<Integer, Integer> papersPerRound = new TreeMap<>();
    store.forEach(
        1000,
        papers -> {
          for (Paper p : papers) {
            Matcher m = MARK.matcher(p.abstractText());
            assertTrue(m.find(), () -> p.id() + " never got a new version");
            papersPerRound.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
          }
        });
    assertTrue(papersPerRound.keySet().stream().allMatch(r -> r >= 3), papersPerRound::toString);
    assertTrue(papersPerRound.getOrDefault(4, 0) >= 2 * ImportUntilKilled.BATCH);
    // each paper is indexed at the version the database holds: the rounds' words split the index
    // exactly as they split the database, so no document is stale or missing
    papersPerRound.forEach(
        (round, papers) ->
            assertEquals(
                papers.longValue(),
                search
                    .service()
                    .search(
                        SearchRequest.of(ImportUntilKilled.MARK + round, 100), SearchMode.KEYWORD)
                    .total(),
                () -> "papers indexed with round " + round + "'s text, of " + papersPerRound));
  }
}
