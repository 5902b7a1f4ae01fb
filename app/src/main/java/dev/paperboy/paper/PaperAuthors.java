package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code paper_authors} rows: each paper's authors under their {@link AuthorKey}, rewritten in
 * the transaction that writes the paper, so author pages never disagree with the papers.
 */
final class PaperAuthors {

  private static final Logger log = LoggerFactory.getLogger(PaperAuthors.class);
  private static final int BACKFILL_CHUNK = 500;

  private PaperAuthors() {}

  /** Replaces the author rows of these papers with their current author lists. */
  static void write(Connection c, Collection<Paper> papers) throws SQLException {
    if (papers.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM paper_authors WHERE paper_id = ?")) {
      for (Paper p : papers) {
        delete.setString(1, p.id());
        delete.addBatch();
      }
      delete.executeBatch();
    }
    insert(c, papers, "");
  }

  /**
   * Inserts each paper's author rows; {@code onConflict} is appended to the INSERT. A name without
   * letters or digits has no key and no row.
   */
  private static void insert(Connection c, Collection<Paper> papers, String onConflict)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO paper_authors (paper_id, position, author_key, name) VALUES (?, ?, ?, ?)"
                + onConflict)) {
      for (Paper p : papers) {
        List<String> authors = p.authors();
        for (int i = 0; i < authors.size(); i++) {
          String key = AuthorKey.fold(authors.get(i));
          if (key.isEmpty()) {
            continue;
          }
          ps.setString(1, p.id());
          ps.setInt(2, i);
          ps.setString(3, key);
          ps.setString(4, authors.get(i).strip());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /**
   * Lists the authors of papers stored before the table existed, once: V14 leaves a marker row that
   * this removes when every paper has been seen. Papers are taken in id order, a chunk per
   * transaction, each locked while its rows are written, so a node that starts meanwhile or an
   * import of the same paper cannot leave rows behind that disagree with it.
   */
  static void backfill(Database db) {
    if (db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM paper_authors_backfill")) == 0) {
      return;
    }
    String after = "";
    int listed = 0;
    while (true) {
      String from = after;
      List<Paper> chunk =
          db.transaction(
              c -> {
                List<Paper> papers =
                    PaperStore.readAll(
                        c,
                        "SELECT "
                            + PaperStore.READ_COLUMNS
                            + " FROM papers WHERE id > ? AND NOT EXISTS (SELECT 1 FROM"
                            + " paper_authors a WHERE a.paper_id = papers.id) ORDER BY id LIMIT ?"
                            + db.dialect().forUpdate(),
                        from,
                        BACKFILL_CHUNK);
                insert(c, papers, " ON CONFLICT DO NOTHING");
                return papers;
              });
      if (chunk.isEmpty()) {
        break;
      }
      listed += chunk.size();
      after = chunk.get(chunk.size() - 1).id();
    }
    db.transaction(c -> Sql.update(c, "DELETE FROM paper_authors_backfill"));
    log.info("Listed the authors of {} stored papers for the author pages", listed);
  }
}
