package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Dialect;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The database's log of paper changes, the one thing the search index follows. Every write that
 * changes what the index shows of a paper adds a row in its own transaction; a follower reads the
 * rows in {@code (txn, seq)} order up to the horizon, the first transaction that may still be
 * running, and records how far it read under its index's id. Reading a change twice is harmless
 * (indexing is idempotent); skipping one is what this order rules out.
 */
public final class PaperChanges {

  /** A place in the log: after every change at or before it. */
  public record Position(long txn, long seq) {

    public static final Position START = new Position(0, 0);

    /** {@code txn:seq}, for logs and messages. */
    @Override
    public String toString() {
      return txn + ":" + seq;
    }
  }

  /** The distinct papers changed after a position, oldest change first, and where they end. */
  public record Batch(List<String> ids, Position end) {}

  private final Database db;

  public PaperChanges(Database db) {
    this.db = db;
  }

  /** Logs a change of each paper inside the caller's transaction (the one that changes them). */
  static void record(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    String now = Instant.now().toString();
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO paper_changes (paper_id, changed_at) VALUES (?, ?)")) {
      for (String id : ids) {
        ps.setString(1, id);
        ps.setString(2, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Up to {@code limit} log rows after {@code after}, below the horizon. Changes of one paper are
   * reported once per batch.
   */
  public Batch after(Position after, int limit) {
    record Row(long txn, long seq, String id) {}
    List<Row> rows =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT txn, seq, paper_id FROM paper_changes WHERE (txn, seq) > (?, ?) AND txn"
                        + " < "
                        + horizon()
                        + " ORDER BY txn, seq LIMIT ?",
                    rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                    after.txn(),
                    after.seq(),
                    limit));
    if (rows.isEmpty()) {
      return new Batch(List.of(), after);
    }
    Set<String> ids = new LinkedHashSet<>();
    rows.forEach(r -> ids.add(r.id()));
    Row last = rows.get(rows.size() - 1);
    return new Batch(new ArrayList<>(ids), new Position(last.txn(), last.seq()));
  }

  /** Log rows after the position, committed or not yet readable: how far a follower lags. */
  public long countAfter(Position after) {
    return db.read(
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM paper_changes WHERE (txn, seq) > (?, ?)",
                after.txn(),
                after.seq()));
  }

  /** How far the index with this id has read; empty for an index the log has not seen. */
  public Optional<Position> watermark(String indexId) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT txn, seq FROM index_watermarks WHERE index_id = ?",
                rs -> new Position(rs.getLong(1), rs.getLong(2)),
                indexId));
  }

  /**
   * Records that the index with this id holds every change up to the position. It moves the {@link
   * ContentVersion} too: what searches find changed, so cached search answers are stale.
   */
  public void saveWatermark(String indexId, Position at) {
    db.transaction(
        c -> {
          Sql.update(
              c,
              "INSERT INTO index_watermarks (index_id, txn, seq, updated_at) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (index_id) DO UPDATE SET txn = excluded.txn, seq ="
                  + " excluded.seq, updated_at = excluded.updated_at",
              indexId,
              at.txn(),
              at.seq(),
              Instant.now().toString());
          ContentVersion.bump(c);
          return null;
        });
  }

  /** Forgets the place of an index that no longer exists (replaced by a rebuild, now searched). */
  public void forgetWatermark(String indexId) {
    db.transaction(
        c -> {
          Sql.update(c, "DELETE FROM index_watermarks WHERE index_id = ?", indexId);
          ContentVersion.bump(c);
          return null;
        });
  }

  /**
   * Deletes up to {@code limit} changes that a later change of the same paper supersedes; returns
   * how many. Always safe: a follower that has not read the old row will read the later one, which
   * indexes the paper as it is now. The log then holds about one row per paper.
   */
  public int compact(int limit) {
    return db.transaction(
        c ->
            Sql.update(
                c,
                "DELETE FROM paper_changes WHERE seq IN (SELECT c.seq FROM paper_changes c WHERE"
                    + " EXISTS (SELECT 1 FROM paper_changes d WHERE d.paper_id = c.paper_id AND"
                    + " (d.txn, d.seq) > (c.txn, c.seq)) LIMIT ?)",
                limit));
  }

  /** Forgets every index's place, so each reads from its own commit again (after a restore). */
  public static void forgetWatermarks(Connection c) throws SQLException {
    Sql.update(c, "DELETE FROM index_watermarks");
  }

  /** The first transaction number that may still be running (see {@link Dialect}). */
  private String horizon() {
    return db.dialect().changeLogHorizon();
  }
}
