package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.storage.Sql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers at once: votes cast together all count, none is lost to another's update. */
class ConcurrentVotesTest {

  static final int VOTERS = 50;

  @TempDir Path dir;

  @Test
  void fiftyVotersAtOnceOnOnePaperEndWithTheExactCount() throws Exception {
    try (CommunityFixture f = new CommunityFixture(dir, "2026-08-21T18:00:00Z")) {
      f.importing("web/2026-08-21.json");
      long before = f.papers.find("2608.19880").orElseThrow().totalUpvotes();
      List<User> voters = new ArrayList<>();
      for (int i = 0; i < VOTERS; i++) {
        // accounts written directly: fifty password hashes would only slow the test down
        String email = "voter" + i + "@example.org";
        long id =
            f.db.transaction(
                c ->
                    Sql.insert(
                        c,
                        "INSERT INTO users (email, display_name, password_hash, created_at)"
                            + " VALUES (?, ?, 'x', '2026-08-21T18:00:00Z')",
                        email,
                        "voter " + email));
        voters.add(f.services.accounts().find(id).orElseThrow());
      }
      ExecutorService pool = Executors.newFixedThreadPool(VOTERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Votes.Toggled>> cast = new ArrayList<>();
      for (User u : voters) {
        cast.add(
            pool.submit(
                () -> {
                  start.await();
                  return f.services.votes().toggle(u, "2608.19880");
                }));
      }
      start.countDown();
      for (Future<Votes.Toggled> v : cast) {
        assertTrue(v.get().upvoted());
      }
      pool.shutdown();
      assertEquals(before + VOTERS, f.papers.find("2608.19880").orElseThrow().totalUpvotes());
      assertEquals(
          (long) VOTERS,
          (long)
              f.db.read(
                  c ->
                      Sql.count(c, "SELECT COUNT(*) FROM votes WHERE paper_id = ?", "2608.19880")));
    }
  }
}
