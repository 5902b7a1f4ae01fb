package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import dev.paperboy.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The papers' thumbnail addresses as a fetcher walks them, and the sources' refusals of them. A
 * refusal (the time and the reason) is stored with the paper, so that no node asks again until it
 * is old; the images themselves are each node's own.
 */
public final class PaperThumbnails {

  /** A paper's thumbnail address and its Daily Papers day (YYYY-MM-DD). */
  public record Wanted(String id, String url, String day) {}

  private final Database db;

  public PaperThumbnails(Database db) {
    this.db = db;
  }

  /**
   * Up to {@code limit} visible papers with a thumbnail address and a day (every Hugging Face paper
   * has one), newest day first then by id descending, on the papers_thumbnails index, starting
   * after {@code after} (null: from the newest); papers whose thumbnail was refused after {@code
   * refusedBefore} are left out.
   */
  public List<Wanted> newestFirst(Instant refusedBefore, Wanted after, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(PaperStore.STAMP.format(refusedBefore));
    String from = "";
    if (after != null) {
      from = " AND (daily_date < ? OR (daily_date = ? AND id < ?))";
      params.addAll(List.of(after.day(), after.day(), after.id()));
    }
    params.add(limit);
    try (Connection c = db.connection()) {
      return Sql.list(
          c,
          "SELECT id, thumbnail, daily_date FROM papers WHERE thumbnail IS NOT NULL AND daily_date"
              + " IS NOT NULL AND hidden_at IS NULL AND (thumbnail_refused_at IS NULL OR"
              + " thumbnail_refused_at <= ?)"
              + from
              + " ORDER BY daily_date DESC, id DESC LIMIT ?",
          rs -> new Wanted(rs.getString(1), rs.getString(2), rs.getString(3)),
          params.toArray());
    } catch (SQLException e) {
      throw new StorageException("listing thumbnails failed: " + e, e);
    }
  }

  /** Notes that the source refused the paper's thumbnail at {@code at}, and why. */
  public void refused(String id, String reason, Instant at) {
    db.transaction(
        c ->
            Sql.update(
                c,
                "UPDATE papers SET thumbnail_refused_at = ?, thumbnail_refusal = ? WHERE id = ?",
                PaperStore.STAMP.format(at),
                reason,
                id));
  }
}
