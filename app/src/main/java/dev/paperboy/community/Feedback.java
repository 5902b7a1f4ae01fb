package dev.paperboy.community;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reader's marks on papers: hidden ("not interested"), read, saved for later. Each is a toggle;
 * "For you" leaves hidden papers out and sinks read ones, cards show read and saved.
 */
public final class Feedback {

  /** A mark a reader can set or clear; {@code column} is where it is stored. */
  public enum Mark {
    HIDDEN("hidden_at"),
    READ("read_at"),
    SAVED("saved_at");

    private final String column;

    Mark(String column) {
      this.column = column;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mark a form names, or a refusal listing them. */
    public static Mark parse(String text) {
      for (Mark m : values()) {
        if (m.key().equals(text)) {
          return m;
        }
      }
      throw Refusal.invalid("Mark a paper hidden, read or saved.");
    }
  }

  /** What the reader marked on one paper. */
  public record State(boolean hidden, boolean read, boolean saved) {
    public static final State NONE = new State(false, false, false);

    public boolean has(Mark m) {
      return switch (m) {
        case HIDDEN -> hidden;
        case READ -> read;
        case SAVED -> saved;
      };
    }
  }

  /** The most papers a reader may keep marked; older marks stay, new ones are refused. */
  static final int MAX_MARKED = 20_000;

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final RateLimiter perUser;

  public Feedback(Database db, PaperStore papers, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.perUser = new RateLimiter(120, Duration.ofMinutes(1), clock);
  }

  /** Sets the mark when {@code on}, clears it otherwise; returns the paper's marks after. */
  public State set(User user, String paperId, Mark mark, boolean on) {
    perUser.acquire("user:" + user.id(), "You are marking papers very fast.");
    return db.transaction(
        c -> {
          if (papers.find(c, paperId).isEmpty()) {
            throw Refusal.notFound("No paper " + paperId + " to mark.");
          }
          String value = on ? clock.instant().toString() : null;
          int changed =
              Sql.update(
                  c,
                  "UPDATE paper_feedback SET "
                      + mark.column
                      + " = ? WHERE user_id = ? AND paper_id = ?",
                  value,
                  user.id(),
                  paperId);
          if (changed == 0 && on) {
            if (Sql.count(c, "SELECT COUNT(*) FROM paper_feedback WHERE user_id = ?", user.id())
                >= MAX_MARKED) {
              throw Refusal.invalid("You have marked " + MAX_MARKED + " papers, the most.");
            }
            Sql.update(
                c,
                "INSERT INTO paper_feedback (user_id, paper_id, "
                    + mark.column
                    + ") VALUES (?, ?, ?)",
                user.id(),
                paperId,
                value);
          }
          Sql.update(
              c,
              "DELETE FROM paper_feedback WHERE user_id = ? AND paper_id = ? AND hidden_at IS NULL"
                  + " AND read_at IS NULL AND saved_at IS NULL",
              user.id(),
              paperId);
          return states(c, user.id(), List.of(paperId)).getOrDefault(paperId, State.NONE);
        });
  }

  /** The marks on these papers, for cards; papers without any are absent. */
  public Map<String, State> of(User user, Collection<String> paperIds) {
    if (user == null || paperIds.isEmpty()) {
      return Map.of();
    }
    return db.read(c -> states(c, user.id(), List.copyOf(paperIds)));
  }

  /** Ids of the papers the reader marked so, most recently marked first, at most {@code limit}. */
  public List<String> marked(long userId, Mark mark, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT paper_id FROM paper_feedback WHERE user_id = ? AND "
                    + mark.column
                    + " IS NOT NULL ORDER BY "
                    + mark.column
                    + " DESC, paper_id LIMIT ?",
                rs -> rs.getString(1),
                userId,
                limit));
  }

  /** The same as a set, for the ranker. */
  public Set<String> markedSet(long userId, Mark mark, int limit) {
    return marked(userId, mark, limit).stream().collect(Collectors.toSet());
  }

  private record Marked(String paperId, State state) {}

  private static Map<String, State> states(java.sql.Connection c, long userId, List<String> ids)
      throws java.sql.SQLException {
    Map<String, State> out = new HashMap<>();
    for (List<String> chunk : Chunks.of(ids, 500)) {
      Object[] params = new Object[chunk.size() + 1];
      params[0] = userId;
      for (int i = 0; i < chunk.size(); i++) {
        params[i + 1] = chunk.get(i);
      }
      for (Marked m :
          Sql.list(
              c,
              "SELECT paper_id, hidden_at, read_at, saved_at FROM paper_feedback WHERE user_id = ?"
                  + " AND paper_id IN ("
                  + Chunks.marks(chunk.size())
                  + ")",
              rs ->
                  new Marked(
                      rs.getString(1),
                      new State(
                          rs.getString(2) != null,
                          rs.getString(3) != null,
                          rs.getString(4) != null)),
              params)) {
        out.put(m.paperId(), m.state());
      }
    }
    return out;
  }
}
