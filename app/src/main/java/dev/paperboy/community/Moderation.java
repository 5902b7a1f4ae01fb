package dev.paperboy.community;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What admins may do: hide a paper from the feed, hide a comment, block a user, and undo each.
 * Every action is logged with who did it, when and why, in the same transaction as the action.
 */
public final class Moderation {

  /** One line of the moderation log. */
  public record Entry(
      long id, String adminName, String action, String target, String reason, Instant at) {}

  /** Who the log names for actions taken on the command line. */
  static final String OPERATOR = "the command line";

  private final Database db;
  private final PaperStore papers;
  private final Comments comments;
  private final Accounts accounts;
  private final Clock clock;

  public Moderation(
      Database db, PaperStore papers, Comments comments, Accounts accounts, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.comments = comments;
    this.accounts = accounts;
    this.clock = clock;
  }

  public void setPaperHidden(User admin, String paperId, boolean hidden, String reason) {
    requireAdmin(admin);
    db.transaction(
        c -> {
          if (!papers.setHidden(c, paperId, hidden)) {
            throw Refusal.notFound("No paper " + paperId + ".");
          }
          return log(c, admin, hidden ? "hide paper" : "show paper", paperId, reason);
        });
  }

  public void setCommentHidden(User admin, long commentId, boolean hidden, String reason) {
    requireAdmin(admin);
    db.transaction(
        c -> {
          Comments.Comment comment = comments.setHidden(c, commentId, hidden);
          return log(
              c,
              admin,
              hidden ? "hide comment" : "show comment",
              "comment " + commentId + " on " + comment.paperId(),
              reason);
        });
  }

  /**
   * Blocks a user: signed out everywhere, unable to sign in, their votes withdrawn and their
   * comments hidden. Unblocking restores the account but not the votes; comments stay hidden until
   * shown one by one.
   */
  public void setBlocked(User admin, long userId, boolean blocked, String reason) {
    requireAdmin(admin);
    if (admin.id() == userId) {
      throw Refusal.invalid("You cannot block yourself.");
    }
    block(admin.id(), admin.displayName(), userId, blocked, reason);
  }

  /** The same for the operator on the command line; the log names "the command line". */
  public void setBlockedByOperator(long userId, boolean blocked, String reason) {
    block(null, OPERATOR, userId, blocked, reason);
  }

  private void block(Long adminId, String adminName, long userId, boolean blocked, String reason) {
    db.transaction(
        c -> {
          User target =
              AccountRows.find(c, userId)
                  .orElseThrow(() -> Refusal.notFound("No user " + userId + "."));
          if (target.isAdmin()) {
            throw Refusal.forbidden("Admins cannot be blocked; demote them first.");
          }
          Sql.update(
              c,
              "UPDATE users SET blocked_at = ? WHERE id = ?",
              blocked ? clock.instant().toString() : null,
              userId);
          String detail = reason;
          if (blocked) {
            Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
            accounts.withdrawVotes(c, userId);
            int hidden = comments.hideAllBy(c, userId);
            detail = (reason == null ? "" : reason + " ") + "(" + hidden + " comments hidden)";
          }
          return log(
              c,
              adminId,
              adminName,
              blocked ? "block user" : "unblock user",
              target.displayName() + " <" + target.email() + ">",
              detail);
        });
  }

  /** The newest log entries first. */
  public List<Entry> log(int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT id, admin_name, action, target, reason, at FROM moderation_log"
                    + " ORDER BY id DESC LIMIT ?",
                rs ->
                    new Entry(
                        rs.getLong("id"),
                        rs.getString("admin_name"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("reason"),
                        Instant.parse(rs.getString("at"))),
                limit));
  }

  private int log(Connection c, User admin, String action, String target, String reason)
      throws SQLException {
    return log(c, admin.id(), admin.displayName(), action, target, reason);
  }

  private int log(
      Connection c, Long adminId, String adminName, String action, String target, String reason)
      throws SQLException {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 500) {
      why = why.substring(0, 500);
    }
    return Sql.update(
        c,
        "INSERT INTO moderation_log (admin_id, admin_name, action, target, reason, at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        adminId,
        adminName,
        action,
        target,
        why,
        clock.instant().toString());
  }

  private static void requireAdmin(User user) {
    if (user == null || !user.isAdmin()) {
      throw Refusal.forbidden("Only admins can moderate.");
    }
  }
}
