package dev.paperboy.community;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateLimiter} counted in the database, so every node serving it sees the same count: for
 * the limits that protect one account or address, which a guesser spread over several nodes must
 * not multiply. A key's row holds the times of its events within the window (at most {@code max});
 * refused attempts write nothing, and rows quiet for a day are pruned now and then.
 *
 * <p>Once the database refuses a key, this node refuses it from memory for a few seconds ({@link
 * #RECHECK}), so a flood costs one transaction per key and node every few seconds, not one per
 * request; a reset on another node (a password reset) frees the key here within those seconds.
 */
final class SharedLimiter {

  static final Duration KEEP = Duration.ofDays(1);
  static final Duration RECHECK = Duration.ofSeconds(5);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  private final Database db;
  private final String scope;
  private final int max;
  private final Duration window;
  private final Clock clock;
  private volatile Instant prunedAt = Instant.MIN;
  private final Map<String, Refused> refusedUntil = new ConcurrentHashMap<>();

  /** A refusal the database gave: the key is free at {@code free}; ask again at {@code recheck}. */
  private record Refused(Instant free, Instant recheck) {}

  /**
   * @param scope the limit's name, which keeps its keys apart from other limits' in the table
   */
  SharedLimiter(Database db, String scope, int max, Duration window, Clock clock) {
    if (window.compareTo(KEEP) > 0) {
      throw new IllegalArgumentException("a shared limit's window is at most " + KEEP);
    }
    this.db = db;
    this.scope = scope;
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Refuses with {@code message} (and when to retry) if the key has used up its events, else counts
   * this one; one transaction, which holds the key's row so two nodes cannot both take the last.
   */
  void acquire(String key, String message) {
    Instant now = clock.instant();
    Refused known = refusedUntil.get(key);
    if (known != null && known.recheck().isAfter(now)) {
      throw RateLimiter.refused(message, Duration.between(now, known.free()));
    }
    String name = scope + ":" + key;
    db.transaction(
        c -> {
          // the upsert locks the key's row (PostgreSQL) or the database (SQLite) until commit
          Sql.update(
              c,
              "INSERT INTO rate_limits (name, hits, updated_at) VALUES (?, '', ?)"
                  + " ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at",
              name,
              Leases.time(now));
          String stored =
              Sql.one(c, "SELECT hits FROM rate_limits WHERE name = ?", rs -> rs.getString(1), name)
                  .orElse("");
          List<Instant> recent = recent(stored, now);
          if (recent.size() >= max) {
            Instant free = recent.get(0).plus(window);
            remember(key, free, now);
            throw RateLimiter.refused(message, Duration.between(now, free)); // and rolls back
          }
          recent.add(now);
          return Sql.update(
              c, "UPDATE rate_limits SET hits = ? WHERE name = ?", join(recent), name);
        });
    if (prunedAt.plus(PRUNE_EVERY).isBefore(now)) {
      prunedAt = now;
      db.transaction(
          c ->
              Sql.update(
                  c, "DELETE FROM rate_limits WHERE updated_at < ?", Leases.time(now.minus(KEEP))));
    }
  }

  private void remember(String key, Instant free, Instant now) {
    if (refusedUntil.size() >= 10_000) {
      refusedUntil.values().removeIf(r -> !r.recheck().isAfter(now));
    }
    Instant recheck = now.plus(RECHECK);
    refusedUntil.put(key, new Refused(free, free.isBefore(recheck) ? free : recheck));
  }

  void reset(String key) {
    refusedUntil.remove(key);
    db.transaction(c -> Sql.update(c, "DELETE FROM rate_limits WHERE name = ?", scope + ":" + key));
  }

  /** The stored times still inside the window, oldest first. */
  private List<Instant> recent(String stored, Instant now) {
    Instant oldest = now.minus(window);
    List<Instant> out = new ArrayList<>();
    for (String t : stored.split(",")) {
      if (!t.isEmpty()) {
        Instant at = Instant.parse(t);
        if (at.isAfter(oldest)) {
          out.add(at);
        }
      }
    }
    return out;
  }

  private static String join(List<Instant> times) {
    return String.join(",", times.stream().map(Leases::time).toList());
  }
}
