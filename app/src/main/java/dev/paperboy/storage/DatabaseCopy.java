package dev.paperboy.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies tables row for row from one database into another whose schema is the same version (an
 * embedded SQLite instance into PostgreSQL), in key order and in batches, each committed on its
 * own: a copy that stops is run again and goes on, rows already there are brought up to date
 * instead of doubled. Afterwards each table's rows are counted and checksummed on both sides.
 */
public final class DatabaseCopy {

  /** What a table holds on both sides after the copy. */
  public record Verified(String table, long sourceRows, long targetRows, boolean sameChecksum) {

    public boolean ok() {
      return sourceRows == targetRows && sameChecksum;
    }
  }

  /** A table and its primary key columns, the order rows are copied and checksummed in. */
  public record Table(String name, List<String> key) {}

  private static final int BATCH = 1000;
  private static final int BAR = 30;
  private static final long EVERY_NANOS = 3_000_000_000L;

  private final Database from;
  private final Database to;
  private final PrintStream progress;

  public DatabaseCopy(Database from, Database to, PrintStream progress) {
    this.from = from;
    this.to = to;
    this.progress = progress;
  }

  /** Copies the tables in the order given (parents before the tables that refer to them). */
  public void copy(List<Table> tables) {
    for (Table t : tables) {
      copy(t);
    }
  }

  private void copy(Table t) {
    long total = from.read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + t.name()));
    List<String> columns = from.read(c -> columns(c, t.name()));
    String keys = String.join(", ", t.key());
    String upsert =
        "INSERT INTO "
            + t.name()
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", columns.stream().map(col -> "?").toList())
            + ") ON CONFLICT ("
            + keys
            + ") "
            + (columns.size() == t.key().size()
                ? "DO NOTHING"
                : "DO UPDATE SET "
                    + String.join(
                        ", ",
                        columns.stream()
                            .filter(col -> !t.key().contains(col))
                            .map(col -> col + " = excluded." + col)
                            .toList()));
    long done = 0;
    long started = System.nanoTime();
    long shown = started;
    long decile = 0;
    List<Object> after = null;
    while (true) {
      List<Object[]> rows = page(t, columns, after);
      if (rows.isEmpty()) {
        break;
      }
      to.transaction(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
              for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                  ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return null;
          });
      done += rows.size();
      Object[] last = rows.get(rows.size() - 1);
      after = new ArrayList<>();
      for (String k : t.key()) {
        after.add(last[columns.indexOf(k)]);
      }
      if (System.nanoTime() - shown > EVERY_NANOS || done * 10 / Math.max(1, total) > decile) {
        shown = System.nanoTime();
        decile = done * 10 / Math.max(1, total);
        bar(t.name(), done, total, started);
      }
    }
    bar(t.name(), done, Math.max(total, done), started);
    long removed = prune(t);
    if (removed > 0) {
      progress.printf(
          Locale.ROOT,
          "migrate: %,d rows of %s gone from the source since, removed%n",
          removed,
          t.name());
    }
    to.transaction(
        c -> {
          if (t.key().size() == 1) {
            to.dialect().continueSequence(c, t.name(), t.key().get(0));
          }
          return null;
        });
  }

  /**
   * Deletes the target's rows whose key the source no longer has (a vote taken back between two
   * runs); returns how many.
   */
  private long prune(Table t) {
    java.util.Set<List<String>> keep = new java.util.HashSet<>();
    String keys = String.join(", ", t.key());
    from.read(c -> eachKey(c, t, keys, (canonical, raw) -> keep.add(canonical)));
    List<List<Object>> gone = new ArrayList<>();
    to.read(
        c ->
            eachKey(
                c,
                t,
                keys,
                (canonical, raw) -> {
                  if (!keep.contains(canonical)) {
                    gone.add(raw);
                  }
                }));
    if (gone.isEmpty()) {
      return 0;
    }
    String where = String.join(" AND ", t.key().stream().map(k -> k + " = ?").toList());
    to.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + t.name() + " WHERE " + where)) {
            for (List<Object> key : gone) {
              for (int i = 0; i < key.size(); i++) {
                ps.setObject(i + 1, key.get(i));
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    return gone.size();
  }

  /** Calls {@code each} with every row's key, in canonical text form and as read. */
  private static Void eachKey(
      Connection c,
      Table t,
      String keys,
      java.util.function.BiConsumer<List<String>, List<Object>> each)
      throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + keys + " FROM " + t.name())) {
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> canonical = new ArrayList<>();
          List<Object> raw = new ArrayList<>();
          for (int i = 1; i <= t.key().size(); i++) {
            raw.add(rs.getObject(i));
            canonical.add(canonical(raw.get(i - 1)));
          }
          each.accept(canonical, raw);
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(auto);
    }
    return null;
  }

  /** The next rows after {@code after} (a key), in key order. */
  private List<Object[]> page(Table t, List<String> columns, List<Object> after) {
    String keys = String.join(", ", t.key());
    String where =
        after == null
            ? ""
            : " WHERE ("
                + keys
                + ") > ("
                + String.join(", ", t.key().stream().map(k -> "?").toList())
                + ")";
    String sql =
        "SELECT "
            + String.join(", ", columns)
            + " FROM "
            + t.name()
            + where
            + " ORDER BY "
            + keys
            + " LIMIT "
            + BATCH;
    return from.read(
        c ->
            Sql.list(
                c,
                sql,
                rs -> {
                  Object[] row = new Object[columns.size()];
                  for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                  }
                  return row;
                },
                after == null ? new Object[0] : after.toArray()));
  }

  /** Counts and checksums every table on both sides. */
  public List<Verified> verify(List<Table> tables) {
    List<Verified> out = new ArrayList<>();
    for (Table t : tables) {
      List<String> columns = from.read(c -> columns(c, t.name()));
      Summary source = from.read(c -> summarise(c, t, columns));
      Summary target = to.read(c -> summarise(c, t, columns));
      out.add(
          new Verified(
              t.name(), source.rows(), target.rows(), source.checksum().equals(target.checksum())));
    }
    return out;
  }

  private record Summary(long rows, String checksum) {}

  /**
   * The rows' count and checksum: each row's values in a form both engines agree on (integers as
   * integers, text as UTF-8, bytes as they are) hashed, and the hashes summed, so the engines' own
   * text orders (PostgreSQL sorts by locale) do not matter.
   */
  private static Summary summarise(Connection c, Table t, List<String> columns)
      throws SQLException {
    long rows = 0;
    long sum = 0;
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + t.name())) {
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          sum += rowHash(rs, columns.size());
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(auto);
    }
    return new Summary(rows, Long.toHexString(sum));
  }

  private static long rowHash(ResultSet rs, int columns) throws SQLException {
    MessageDigest sha = sha256();
    for (int i = 1; i <= columns; i++) {
      Object v = rs.getObject(i);
      byte[] bytes =
          v == null
              ? new byte[] {0}
              : v instanceof byte[] b ? b : canonical(v).getBytes(StandardCharsets.UTF_8);
      sha.update(bytes);
      sha.update((byte) 0x1f);
    }
    return java.nio.ByteBuffer.wrap(sha.digest()).getLong();
  }

  private static String canonical(Object v) {
    if (v == null) {
      return "\0";
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return Long.toString(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return Double.toString(n.doubleValue());
    }
    return v.toString();
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      return out;
    }
  }

  private void bar(String table, long done, long total, long started) {
    double fraction = total == 0 ? 1 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * BAR);
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    progress.printf(
        Locale.ROOT,
        "migrate [%s%s] %3.0f%%  %-20s %,d/%,d rows  %,.0f rows/s%n",
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        fraction * 100,
        table,
        done,
        total,
        done / seconds);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
