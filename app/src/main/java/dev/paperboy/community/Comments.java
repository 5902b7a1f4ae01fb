package dev.paperboy.community;

import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Threaded comments on papers. The paper's visible-comment count changes in the same transaction as
 * each comment, edit, deletion or moderation.
 */
public final class Comments {

  static final int MAX_LENGTH = 5000;

  /** One comment as stored; {@code authorId} is null once its author deleted the account. */
  public record Comment(
      long id,
      String paperId,
      Long parentId,
      Long authorId,
      String authorName,
      String body,
      Instant createdAt,
      Instant editedAt,
      boolean deleted,
      boolean hidden) {

    public boolean visible() {
      return !deleted && !hidden;
    }
  }

  /**
   * A comment placed in its thread: how deep it sits and its rendered body (null for a deleted or
   * hidden comment that stays only to hold its replies, unless the viewer is an admin).
   */
  public record Placed(Comment comment, int depth, String html) {}

  private static final String COLUMNS =
      "c.id, c.paper_id, c.parent_id, c.user_id, u.display_name, c.body, c.created_at,"
          + " c.edited_at, c.deleted_at, c.hidden_at";
  private static final String FROM = " FROM comments c LEFT JOIN users u ON u.id = c.user_id";

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final CommentMarkdown markdown = new CommentMarkdown();
  private final RateLimiter perUser;

  public Comments(Database db, PaperStore papers, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.perUser = new RateLimiter(10, Duration.ofMinutes(10), clock);
  }

  /** Posts a comment, or a reply when {@code parentId} is not null. */
  public Comment post(User author, String paperId, Long parentId, String body) {
    String text = validBody(body);
    perUser.acquire("user:" + author.id(), "You are commenting very fast.");
    return db.transaction(
        c -> {
          if (papers.find(c, paperId).filter(p -> !p.hidden()).isEmpty()) {
            throw Refusal.notFound("No paper " + paperId + " to comment on.");
          }
          if (parentId != null) {
            Comment parent =
                find(c, parentId)
                    .filter(p -> p.paperId().equals(paperId))
                    .orElseThrow(() -> Refusal.notFound("The comment you reply to is gone."));
            if (!parent.visible()) {
              throw Refusal.invalid("The comment you reply to was deleted.");
            }
          }
          return find(c, insert(c, author, paperId, parentId, text)).orElseThrow();
        });
  }

  /** Inserts a comment inside the caller's transaction (a submission's own comment). */
  long insert(Connection c, User author, String paperId, Long parentId, String text)
      throws SQLException {
    long id =
        Sql.insert(
            c,
            "INSERT INTO comments (paper_id, parent_id, user_id, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            paperId,
            parentId,
            author.id(),
            text,
            clock.instant().toString());
    papers.addCommunityCounts(c, paperId, 0, 1);
    return id;
  }

  public Comment edit(User editor, long commentId, String body) {
    String text = validBody(body);
    return db.transaction(
        c -> {
          Comment comment = existing(c, commentId);
          if (comment.authorId() == null || comment.authorId() != editor.id()) {
            throw Refusal.forbidden("You can only edit your own comments.");
          }
          if (!comment.visible()) {
            throw Refusal.invalid("This comment was deleted or hidden and cannot be edited.");
          }
          Sql.update(
              c,
              "UPDATE comments SET body = ?, edited_at = ? WHERE id = ?",
              text,
              clock.instant().toString(),
              commentId);
          ContentVersion.bump(c); // the paper's page shows the text
          return find(c, commentId).orElseThrow();
        });
  }

  /** Deletes a comment of one's own (admins may delete any); its text is erased. */
  public void delete(User user, long commentId) {
    db.transaction(
        c -> {
          Comment comment = existing(c, commentId);
          boolean own = comment.authorId() != null && comment.authorId() == user.id();
          if (!own && !user.isAdmin()) {
            throw Refusal.forbidden("You can only delete your own comments.");
          }
          if (comment.deleted()) {
            return 0;
          }
          if (comment.visible()) {
            papers.addCommunityCounts(c, comment.paperId(), 0, -1); // moves the version too
          } else {
            ContentVersion.bump(c);
          }
          return Sql.update(
              c,
              "UPDATE comments SET body = '', deleted_at = ? WHERE id = ?",
              clock.instant().toString(),
              commentId);
        });
  }

  /** Hides or shows a comment (moderation), inside the caller's transaction. */
  Comment setHidden(Connection c, long commentId, boolean hidden) throws SQLException {
    Comment comment = existing(c, commentId);
    if (comment.hidden() == hidden) {
      return comment;
    }
    if (!comment.deleted()) {
      papers.addCommunityCounts(c, comment.paperId(), 0, hidden ? -1 : 1); // moves the version too
    } else {
      ContentVersion.bump(c);
    }
    Sql.update(
        c,
        "UPDATE comments SET hidden_at = ? WHERE id = ?",
        hidden ? clock.instant().toString() : null,
        commentId);
    return find(c, commentId).orElseThrow();
  }

  /** Hides every visible comment of a user (when a moderator blocks them); returns how many. */
  int hideAllBy(Connection c, long userId) throws SQLException {
    List<Long> ids =
        Sql.list(
            c,
            "SELECT id FROM comments WHERE user_id = ? AND deleted_at IS NULL AND hidden_at IS"
                + " NULL",
            rs -> rs.getLong(1),
            userId);
    for (long id : ids) {
      setHidden(c, id, true);
    }
    return ids.size();
  }

  /**
   * The paper's comments in reading order (each reply under its parent, oldest first). Deleted and
   * hidden comments appear only as placeholders holding visible replies; admins also see hidden
   * text.
   */
  public List<Placed> thread(String paperId, User viewer) {
    List<Comment> all =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT " + COLUMNS + FROM + " WHERE c.paper_id = ? ORDER BY c.id",
                    Comments::comment,
                    paperId));
    Map<Long, List<Comment>> children = new HashMap<>();
    Map<Long, Comment> byId = new LinkedHashMap<>();
    for (Comment comment : all) {
      byId.put(comment.id(), comment);
      children.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
    }
    boolean admin = viewer != null && viewer.isAdmin();
    List<Placed> out = new ArrayList<>();
    place(null, 0, children, admin, out);
    return out;
  }

  /** Adds the subtree under {@code parent}; true when it showed anything. */
  private boolean place(
      Long parent, int depth, Map<Long, List<Comment>> children, boolean admin, List<Placed> out) {
    boolean shown = false;
    for (Comment comment : children.getOrDefault(parent, List.of())) {
      int at = out.size();
      boolean readable = comment.visible() || (admin && !comment.deleted());
      out.add(new Placed(comment, depth, readable ? markdown.toHtml(comment.body()) : null));
      boolean replies = place(comment.id(), depth + 1, children, admin, out);
      if (!readable && !replies) {
        out.remove(at); // nothing left to show under a deleted comment
      } else {
        shown = true;
      }
    }
    return shown;
  }

  /** A user's latest visible comments, newest first. */
  public List<Comment> byUser(long userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT "
                    + COLUMNS
                    + FROM
                    + " WHERE c.user_id = ? AND c.deleted_at IS NULL AND c.hidden_at IS NULL"
                    + " ORDER BY c.id DESC LIMIT ?",
                Comments::comment,
                userId,
                limit));
  }

  public String render(String body) {
    return markdown.toHtml(body);
  }

  private Comment existing(Connection c, long id) throws SQLException {
    return find(c, id).orElseThrow(() -> Refusal.notFound("No comment " + id + "."));
  }

  private static Optional<Comment> find(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE c.id = ?", Comments::comment, id);
  }

  static String validBody(String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw Refusal.invalid("Write something first: the comment is empty.");
    }
    if (text.length() > MAX_LENGTH) {
      throw Refusal.invalid(
          "A comment can be at most "
              + MAX_LENGTH
              + " characters; this one has "
              + text.length()
              + ".");
    }
    return text;
  }

  private static Comment comment(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long author = rs.getLong("user_id");
    Long authorId = rs.wasNull() ? null : author;
    String edited = rs.getString("edited_at");
    return new Comment(
        rs.getLong("id"),
        rs.getString("paper_id"),
        parentId,
        authorId,
        rs.getString("display_name"),
        rs.getString("body"),
        Instant.parse(rs.getString("created_at")),
        edited == null ? null : Instant.parse(edited),
        rs.getString("deleted_at") != null,
        rs.getString("hidden_at") != null);
  }
}
