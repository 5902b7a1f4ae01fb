package dev.paperboy.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What differs between the two databases Paperboy runs on. Everything else is one set of SQL that
 * both understand (upserts with {@code ON CONFLICT}, row values, {@code LIMIT}).
 */
public enum Dialect {

  /** The embedded default: one file, writers serialised. */
  SQLITE("sqlite") {
    @Override
    public String hoursSince(String dayColumn, LocalDate end) {
      return "((julianday('" + end + "') - julianday(" + dayColumn + ")) * 24)";
    }

    @Override
    public String greatest(String a, String b) {
      return "max(" + a + ", " + b + ")";
    }

    @Override
    public String changeLogHorizon() {
      return Long.toString(Long.MAX_VALUE);
    }

    @Override
    public String forUpdate() {
      return ""; // a writer holds the whole database from its first statement
    }

    @Override
    void lockMigrations(Connection c, boolean lock) {
      // each migration's transaction takes the write lock; Migrations re-checks under it
    }

    @Override
    public void continueSequence(Connection c, String table, String key) {
      // an INTEGER PRIMARY KEY continues after the largest id by itself
    }
  },

  /** A PostgreSQL server, for several nodes. */
  POSTGRESQL("postgresql") {
    @Override
    public String hoursSince(String dayColumn, LocalDate end) {
      return "((DATE '" + end + "' - CAST(" + dayColumn + " AS DATE)) * 24)";
    }

    @Override
    public String greatest(String a, String b) {
      return "GREATEST(" + a + ", " + b + ")";
    }

    @Override
    public String changeLogHorizon() {
      return "(pg_snapshot_xmin(pg_current_snapshot())::text::bigint)";
    }

    @Override
    public String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    void lockMigrations(Connection c, boolean lock) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_" + (lock ? "lock" : "unlock") + "(" + MIGRATION_LOCK + ")");
      }
    }

    @Override
    public void continueSequence(Connection c, String table, String key) throws SQLException {
      String sequence =
          Sql.list(c, "SELECT pg_get_serial_sequence(?, ?)", rs -> rs.getString(1), table, key)
              .get(0);
      if (sequence != null) {
        Sql.one(
            c,
            "SELECT setval(?, GREATEST(1, (SELECT COALESCE(MAX("
                + key
                + "), 0) FROM "
                + table
                + ")))",
            rs -> rs.getLong(1),
            sequence);
      }
    }
  };

  /** The advisory lock migrations hold on PostgreSQL ("paperboy" in ASCII, as a number). */
  private static final long MIGRATION_LOCK = 0x7061706572626f79L;

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The dialect of a JDBC URL. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "PAPERBOY_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:, got '"
            // only the scheme: the rest may name a user or a password
            + jdbcUrl.replaceAll("^([a-z]*:?[a-z]*:?).*", "$1")
            + "...'");
  }

  /** Where this dialect's migrations live on the class path. */
  String migrations() {
    return "db/migration/" + folder;
  }

  /**
   * Hours from the start of the day in {@code dayColumn} (ISO text) to the start of {@code end}.
   */
  public abstract String hoursSince(String dayColumn, LocalDate end);

  /** The larger of two numeric expressions. */
  public abstract String greatest(String a, String b);

  /**
   * The first change-log transaction number that may still be running: a follower reads only below
   * it. SQLite serialises writers, so everything committed is below it; PostgreSQL numbers rows as
   * they are written, not as they commit, so the oldest running transaction bounds it.
   */
  public abstract String changeLogHorizon();

  /** What a SELECT ends with to lock the rows it reads until the transaction ends. */
  public abstract String forUpdate();

  /** Takes (or gives back) the right to migrate, so nodes starting together take turns. */
  abstract void lockMigrations(Connection c, boolean lock) throws SQLException;

  /**
   * Moves the sequence behind a table's integer key past the ids it holds (after rows were copied
   * in with their ids), so the next insert does not collide with one of them.
   */
  public abstract void continueSequence(Connection c, String table, String key) throws SQLException;
}
