package dev.paperboy.community;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reader follows: authors (by folded name), organisations (by handle), arXiv categories and
 * topics (saved searches). Following twice changes nothing; a reader holds at most {@link #MAX} of
 * them, so a script cannot grow one account's row count without bound.
 */
public final class Follows {

  public static final int MAX = 500;
  static final int MAX_KEY = 200;

  /** What can be followed; {@code key()} is how the kind is stored and posted. */
  public enum Kind {
    AUTHOR,
    ORGANIZATION,
    CATEGORY,
    TOPIC;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a form names, or a refusal saying which kinds there are. */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.key().equals(text)) {
          return k;
        }
      }
      throw Refusal.invalid("Follow an author, organization, category or topic.");
    }
  }

  /** One follow: {@code key} identifies it, {@code label} is how a page shows it. */
  public record Follow(Kind kind, String key, String label, Instant createdAt) {}

  private final Database db;
  private final Clock clock;

  public Follows(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Follows the thing; a topic's key is its words in lower case, single-spaced. */
  public Follow follow(User user, Kind kind, String key, String label) {
    String k = valid(kind, key);
    String shown = label == null || label.isBlank() ? k : clip(label.strip());
    return db.transaction(
        c -> {
          if (Sql.count(
                  c,
                  "SELECT COUNT(*) FROM follows WHERE user_id = ? AND kind = ? AND follow_key = ?",
                  user.id(),
                  kind.key(),
                  k)
              == 0) {
            if (Sql.count(c, "SELECT COUNT(*) FROM follows WHERE user_id = ?", user.id()) >= MAX) {
              throw Refusal.invalid(
                  "You follow "
                      + MAX
                      + " authors, organisations, categories and topics, the most"
                      + " allowed; unfollow some first.");
            }
            Sql.update(
                c,
                "INSERT INTO follows (user_id, kind, follow_key, label, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                user.id(),
                kind.key(),
                k,
                shown,
                clock.instant().toString());
          }
          return new Follow(kind, k, shown, clock.instant());
        });
  }

  public void unfollow(User user, Kind kind, String key) {
    String k = normal(kind, key);
    db.transaction(
        c ->
            Sql.update(
                c,
                "DELETE FROM follows WHERE user_id = ? AND kind = ? AND follow_key = ?",
                user.id(),
                kind.key(),
                k));
  }

  /** Whether the user follows it (false for nobody signed in). */
  public boolean follows(User user, Kind kind, String key) {
    if (user == null || key == null) {
      return false;
    }
    String k = normal(kind, key);
    return db.read(
        c ->
            Sql.count(
                    c,
                    "SELECT COUNT(*) FROM follows WHERE user_id = ? AND kind = ? AND follow_key ="
                        + " ?",
                    user.id(),
                    kind.key(),
                    k)
                > 0);
  }

  /** Everything the user follows, by kind and then label. */
  public List<Follow> of(long userId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT kind, follow_key, label, created_at FROM follows WHERE user_id = ?"
                    + " ORDER BY kind, label, follow_key",
                rs ->
                    new Follow(
                        Kind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.parse(rs.getString(4))),
                userId));
  }

  private static String valid(Kind kind, String key) {
    String k = normal(kind, key);
    if (k.isEmpty()) {
      throw Refusal.invalid("Say what to follow.");
    }
    if (k.length() > MAX_KEY) {
      throw Refusal.invalid("That is too long to follow (at most " + MAX_KEY + " characters).");
    }
    return k;
  }

  /**
   * Topics compare by their words, whatever the case and spacing; other keys as given. Control
   * characters (a NUL, which PostgreSQL's text refuses) become spaces.
   */
  private static String normal(Kind kind, String key) {
    String k = key == null ? "" : CONTROL.matcher(key).replaceAll(" ").strip();
    return kind == Kind.TOPIC ? k.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : k;
  }

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

  private static String clip(String label) {
    label = CONTROL.matcher(label).replaceAll(" ").strip();
    return label.length() <= MAX_KEY ? label : label.substring(0, MAX_KEY);
  }
}
