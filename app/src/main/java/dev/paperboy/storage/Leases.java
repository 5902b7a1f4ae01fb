package dev.paperboy.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Named leases in the database, so work meant to run once across several nodes runs on the one
 * holding its lease. A lease is held until {@code expires_at}; its holder renews it well before
 * then, and once it has passed (the holder died or lost the database) any node may take it over.
 * Nodes' clocks must agree to within a few seconds (NTP).
 */
public final class Leases {

  /** How long a lease lasts unless renewed: how long a dead holder's work waits for another. */
  public static final Duration TTL = Duration.ofSeconds(30);

  /** Fixed-width UTC times, so the database compares them as text in time order. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Database db;
  private final String node;
  private final Clock clock;

  /**
   * @param node this process's name among the nodes, unique to it
   */
  public Leases(Database db, String node, Clock clock) {
    this.db = db;
    this.node = node;
    this.clock = clock;
  }

  public String node() {
    return node;
  }

  /**
   * Takes the lease if it is free or expired, or renews it if this node holds it, in one statement
   * (so two nodes can never both succeed). True when this node holds it for another {@link #TTL}.
   */
  public boolean hold(String name) {
    Instant now = clock.instant();
    return db.transaction(
            c ->
                Sql.update(
                    c,
                    "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                        + " expires_at = excluded.expires_at"
                        + " WHERE leases.holder = excluded.holder OR leases.expires_at <= ?",
                    name,
                    node,
                    time(now.plus(TTL)),
                    time(now)))
        == 1;
  }

  /** Gives the lease up (if this node holds it), so another node may take it at once. */
  public void release(String name) {
    db.transaction(
        c -> Sql.update(c, "DELETE FROM leases WHERE name = ? AND holder = ?", name, node));
  }

  /** The node holding the lease now; empty when nobody does or the holder's time ran out. */
  public Optional<String> holder(String name) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT holder FROM leases WHERE name = ? AND expires_at > ?",
                rs -> rs.getString(1),
                name,
                time(clock.instant())));
  }

  /** A time as the database stores it for comparisons: UTC, milliseconds, fixed width. */
  public static String time(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
