package dev.paperboy.community;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Named lists of papers a user keeps, public (shareable by URL) or private (only the owner sees
 * them; to anyone else a private collection does not exist).
 */
public final class PaperCollections {

  static final int MAX_NAME = 80;
  static final int MAX_DESCRIPTION = 500;
  static final int MAX_PER_USER = 100;
  static final int MAX_PAPERS = 1000;

  /** A collection and how many papers it holds. */
  public record Collection(
      long id,
      long ownerId,
      String ownerName,
      String name,
      String description,
      boolean isPublic,
      Instant createdAt,
      int size) {

    public String href() {
      return "/collections/" + id;
    }
  }

  private static final String SELECT =
      "SELECT k.id, k.user_id, u.display_name, k.name, k.description, k.public, k.created_at,"
          + " (SELECT COUNT(*) FROM collection_papers p WHERE p.collection_id = k.id) AS size"
          + " FROM collections k JOIN users u ON u.id = k.user_id";

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;

  public PaperCollections(Database db, PaperStore papers, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
  }

  public Collection create(User owner, String name, String description, boolean isPublic) {
    String n = validName(name);
    String d = validDescription(description);
    return db.transaction(
        c -> {
          if (Sql.count(c, "SELECT COUNT(*) FROM collections WHERE user_id = ?", owner.id())
              >= MAX_PER_USER) {
            throw Refusal.invalid("You have " + MAX_PER_USER + " collections, the most allowed.");
          }
          checkNameFree(c, owner, n, -1);
          long id =
              Sql.insert(
                  c,
                  "INSERT INTO collections (user_id, name, description, public, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  owner.id(),
                  n,
                  d,
                  isPublic ? 1 : 0,
                  clock.instant().toString());
          return find(c, id).orElseThrow();
        });
  }

  public Collection update(User owner, long id, String name, String description, boolean isPublic) {
    String n = validName(name);
    String d = validDescription(description);
    return db.transaction(
        c -> {
          owned(c, owner, id);
          checkNameFree(c, owner, n, id);
          Sql.update(
              c,
              "UPDATE collections SET name = ?, description = ?, public = ? WHERE id = ?",
              n,
              d,
              isPublic ? 1 : 0,
              id);
          return find(c, id).orElseThrow();
        });
  }

  public void delete(User owner, long id) {
    db.transaction(
        c -> {
          owned(c, owner, id);
          return Sql.update(c, "DELETE FROM collections WHERE id = ?", id);
        });
  }

  /** Adds the paper; adding one already there changes nothing. */
  public void add(User owner, long id, String paperId) {
    db.transaction(
        c -> {
          Collection k = owned(c, owner, id);
          if (papers.find(c, paperId).isEmpty()) {
            throw Refusal.notFound("No paper " + paperId + " to add.");
          }
          if (k.size() >= MAX_PAPERS) {
            throw Refusal.invalid("“" + k.name() + "” holds " + MAX_PAPERS + " papers, the most.");
          }
          return Sql.update(
              c,
              "INSERT INTO collection_papers (collection_id, paper_id, added_at)"
                  + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
              id,
              paperId,
              clock.instant().toString());
        });
  }

  public void remove(User owner, long id, String paperId) {
    db.transaction(
        c -> {
          owned(c, owner, id);
          return Sql.update(
              c,
              "DELETE FROM collection_papers WHERE collection_id = ? AND paper_id = ?",
              id,
              paperId);
        });
  }

  /** The collection if the viewer may see it: public ones to all, private ones to the owner. */
  public Optional<Collection> find(long id, User viewer) {
    return db.read(c -> find(c, id)).filter(k -> k.isPublic() || isOwner(k, viewer));
  }

  /** The papers in a collection, most recently added first. */
  public List<String> paperIds(long id) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT paper_id FROM collection_papers WHERE collection_id = ?"
                    + " ORDER BY added_at DESC, paper_id",
                rs -> rs.getString(1),
                id));
  }

  /** The papers a user added to any of their collections, most recent first. */
  public List<String> addedBy(long userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT p.paper_id FROM collection_papers p JOIN collections k"
                    + " ON k.id = p.collection_id WHERE k.user_id = ?"
                    + " GROUP BY p.paper_id ORDER BY MAX(p.added_at) DESC, p.paper_id LIMIT ?",
                rs -> rs.getString(1),
                userId,
                limit));
  }

  /** A user's collections the viewer may see, by name. */
  public List<Collection> ofUser(long ownerId, User viewer) {
    boolean own = viewer != null && viewer.id() == ownerId;
    return db.read(
        c ->
            Sql.list(
                c,
                SELECT
                    + " WHERE k.user_id = ?"
                    + (own ? "" : " AND k.public = 1")
                    + " ORDER BY k.name",
                PaperCollections::collection,
                ownerId));
  }

  /** Ids of the user's collections that hold the paper (for the paper page's checkboxes). */
  public List<Long> holding(User owner, String paperId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT k.id FROM collections k JOIN collection_papers p ON p.collection_id = k.id"
                    + " WHERE k.user_id = ? AND p.paper_id = ?",
                rs -> rs.getLong(1),
                owner.id(),
                paperId));
  }

  private static boolean isOwner(Collection k, User viewer) {
    return viewer != null && viewer.id() == k.ownerId();
  }

  private Collection owned(Connection c, User owner, long id) throws SQLException {
    Collection k =
        find(c, id)
            .filter(found -> found.isPublic() || isOwner(found, owner))
            .orElseThrow(() -> Refusal.notFound("No collection " + id + "."));
    if (!isOwner(k, owner)) {
      throw Refusal.forbidden("Only its owner can change “" + k.name() + "”.");
    }
    return k;
  }

  private static void checkNameFree(Connection c, User owner, String name, long except)
      throws SQLException {
    if (Sql.count(
            c,
            "SELECT COUNT(*) FROM collections WHERE user_id = ? AND name = ? AND id <> ?",
            owner.id(),
            name,
            except)
        > 0) {
      throw new Refusal(
          Refusal.Kind.CONFLICT, "You already have a collection called “" + name + "”.");
    }
  }

  private static Optional<Collection> find(Connection c, long id) throws SQLException {
    return Sql.one(c, SELECT + " WHERE k.id = ?", PaperCollections::collection, id);
  }

  private static Collection collection(ResultSet rs) throws SQLException {
    return new Collection(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("display_name"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("public") != 0,
        Instant.parse(rs.getString("created_at")),
        rs.getInt("size"));
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (n.isEmpty() || n.length() > MAX_NAME) {
      throw Refusal.invalid("Give the collection a name of 1 to " + MAX_NAME + " characters.");
    }
    return n;
  }

  private static String validDescription(String description) {
    String d = description == null ? "" : description.strip();
    if (d.length() > MAX_DESCRIPTION) {
      throw Refusal.invalid("A description can be at most " + MAX_DESCRIPTION + " characters.");
    }
    return d;
  }
}
