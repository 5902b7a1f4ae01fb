package dev.paperboy.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * Online copies of the SQLite file with SQLite's backup API, while a server reads and writes it.
 * The whole file is copied in one step, inside one read transaction: in WAL mode writers go on
 * meanwhile, and the copy is the database as of that transaction's start. (sqlite-jdbc's {@code
 * backup to} statement copies 100 pages a step, and any write from another connection between two
 * steps restarts it, so on a busy server it might never finish.)
 */
public final class DatabaseBackup {

  /** What a copy holds: its size, schema version and the rows of the tables asked about. */
  public record Summary(long bytes, int schemaVersion, Map<String, Long> rows) {}

  private DatabaseBackup() {}

  /**
   * Copies the database at {@code source} to {@code target} (which must not exist) and checks the
   * copy.
   *
   * @param tables the tables whose rows the summary counts
   */
  public static Summary copy(Path source, Path target, List<String> tables) {
    if (!Files.isRegularFile(source)) {
      throw new StorageException("there is no database at " + source, null);
    }
    if (Files.exists(target)) {
      throw new StorageException(target + " exists already", null);
    }
    try (Connection c = open(source)) {
      int rc =
          c.unwrap(SQLiteConnection.class)
              .getDatabase()
              .backup("main", target.toString(), null, 200, 50, -1);
      if (rc != SQLiteErrorCode.SQLITE_OK.code) {
        throw new StorageException(
            "the database backup failed: " + SQLiteErrorCode.getErrorCode(rc), null);
      }
    } catch (SQLException e) {
      throw new StorageException("the database backup failed: " + e.getMessage(), e);
    }
    return describe(target, tables);
  }

  /**
   * Checks the database at {@code file} ({@code PRAGMA quick_check}) and summarises it.
   *
   * @throws StorageException when it is damaged or unreadable
   */
  public static Summary describe(Path file, List<String> tables) {
    try (Connection c = open(file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
        String verdict = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw new StorageException(file + " is damaged: " + verdict, null);
        }
      }
      int version = Migrations.currentVersion(c);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : tables) {
        if (!table.matches("[a-z_]+")) {
          throw new IllegalArgumentException("not a table name: " + table);
        }
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.put(table, rs.next() ? rs.getLong(1) : 0);
        }
      }
      return new Summary(Files.size(file), version, rows);
    } catch (SQLException e) {
      throw new StorageException("cannot read the database " + file + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new StorageException("cannot read the database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The newest schema version this Paperboy knows; a newer database is not for it. */
  public static int latestSchemaVersion() {
    List<Migrations.Migration> all = Migrations.load(Dialect.SQLITE);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
  }

  private static Connection open(Path file) throws SQLException {
    Properties p = new Properties();
    p.setProperty("busy_timeout", "10000");
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
  }
}
