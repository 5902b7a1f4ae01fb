package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A number in the database that every change of what shared pages show moves, in the change's own
 * transaction: a paper stored or hidden, a vote, a comment, a submission, a display name. Caches of
 * rendered pages keep the number they were rendered at and are stale once it moved.
 *
 * <p>Reading it costs a query, so {@link #current()} answers from memory until this process commits
 * a transaction (which may have moved it) or {@link #POLL} has passed (another node may have).
 */
public final class ContentVersion {

  /** How long another node's change may go unseen here. */
  public static final Duration POLL = Duration.ofMillis(250);

  private record Seen(long version, long commits, long atNanos) {}

  private final Database db;
  private volatile Seen seen = new Seen(-1, -1, 0);

  public ContentVersion(Database db) {
    this.db = db;
  }

  /** Moves the number inside the caller's transaction. */
  public static void bump(Connection c) throws SQLException {
    Sql.update(c, "UPDATE content_version SET version = version + 1 WHERE id = 1");
  }

  /** The number now, as of this process's last commit and at most {@link #POLL} old otherwise. */
  public long current() {
    Seen s = seen;
    long commits = db.commits();
    long now = System.nanoTime();
    if (s.commits() == commits && now - s.atNanos() < POLL.toNanos()) {
      return s.version();
    }
    long version =
        db.read(
                c ->
                    Sql.one(
                        c, "SELECT version FROM content_version WHERE id = 1", rs -> rs.getLong(1)))
            .orElse(0L);
    seen = new Seen(version, commits, now);
    return version;
  }
}
