package dev.paperboy.community;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One upvote per user per paper, toggled. The vote row and the paper's local count change in one
 * transaction, so the count always equals the votes.
 */
public final class Votes {

  /** The paper's state after a toggle, as the voter now sees it. */
  public record Toggled(boolean upvoted, long upvotes) {}

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final RateLimiter perUser;

  public Votes(Database db, PaperStore papers, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.perUser = new RateLimiter(60, Duration.ofMinutes(1), clock);
  }

  public Toggled toggle(User user, String paperId) {
    perUser.acquire("user:" + user.id(), "You are voting very fast.");
    return db.transaction(
        c -> {
          Paper paper =
              papers
                  .find(c, paperId)
                  .filter(p -> !p.hidden())
                  .orElseThrow(() -> Refusal.notFound("No paper " + paperId + " to vote for."));
          int removed =
              Sql.update(
                  c, "DELETE FROM votes WHERE user_id = ? AND paper_id = ?", user.id(), paperId);
          if (removed == 0) {
            Sql.update(
                c,
                "INSERT INTO votes (user_id, paper_id, created_at) VALUES (?, ?, ?)",
                user.id(),
                paperId,
                clock.instant().toString());
          }
          int delta = removed == 0 ? 1 : -1;
          papers.addCommunityCounts(c, paperId, delta, 0);
          return new Toggled(removed == 0, paper.totalUpvotes() + delta);
        });
  }

  /** Which of these papers the user has upvoted. */
  public Set<String> votedBy(User user, Collection<String> paperIds) {
    if (user == null || paperIds.isEmpty()) {
      return Set.of();
    }
    return db.read(
        c -> {
          Set<String> voted = new HashSet<>();
          for (List<String> chunk : Chunks.of(List.copyOf(paperIds), 500)) {
            Object[] params = new Object[chunk.size() + 1];
            params[0] = user.id();
            for (int i = 0; i < chunk.size(); i++) {
              params[i + 1] = chunk.get(i);
            }
            voted.addAll(
                Sql.list(
                    c,
                    "SELECT paper_id FROM votes WHERE user_id = ? AND paper_id IN ("
                        + Chunks.marks(chunk.size())
                        + ")",
                    rs -> rs.getString(1),
                    params));
          }
          return voted;
        });
  }

  /** One of a user's upvotes: the paper and when it was cast. */
  public record Cast(String paperId, Instant at) {}

  /** A user's upvotes with their times, most recent first (for the user's own data export). */
  public List<Cast> castBy(long userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT paper_id, created_at FROM votes WHERE user_id = ? ORDER BY created_at"
                    + " DESC, paper_id LIMIT ?",
                rs -> new Cast(rs.getString(1), Instant.parse(rs.getString(2))),
                userId,
                limit));
  }

  /** The papers a user upvoted, most recent vote first. */
  public List<String> upvotedBy(long userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT paper_id FROM votes WHERE user_id = ? ORDER BY created_at DESC,"
                    + " paper_id LIMIT ?",
                rs -> rs.getString(1),
                userId,
                limit));
  }
}
