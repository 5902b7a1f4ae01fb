package dev.paperboy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest version applied means the same schema on SQLite and on PostgreSQL. */
class MigrationsTest {

  @TempDir Path dir;

  @Test
  void bothDialectsEndWithTheSameTablesColumnsAndIndexes() {
    assumeTrue(TestDatabases.onPostgres(), "runs in the PostgreSQL pass of the build");
    try (Database sqlite = Database.open(dir.resolve("paperboy.db"));
        Database postgres = TestDatabases.open(dir.resolve("postgresql"))) {
      assertEquals(version(sqlite), version(postgres));
      assertEquals(columns(sqlite), columns(postgres));
      assertEquals(indexes(sqlite), indexes(postgres));
    }
  }

  @Test
  void aPasswordInTheUrlIsRefusedAndNeverShown() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                new dev.paperboy.DatabaseSettings(
                    "jdbc:postgresql://db.example.org:5432/paperboy?password=hunter2",
                    "ada",
                    null));
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    var s =
        new dev.paperboy.DatabaseSettings(
            "jdbc:postgresql://db.example.org:5432/paperboy", "ada", "hunter2");
    assertEquals("jdbc:postgresql://db.example.org:5432/paperboy as ada", s.toString());
  }

  private static int version(Database db) {
    return db.read(Migrations::currentVersion);
  }

  /**
   * Each table's columns, with whether they may be NULL (types differ by design: BIGINT, BYTEA).
   */
  private static TreeMap<String, Set<String>> columns(Database db) {
    return db.read(
        c -> {
          TreeMap<String, Set<String>> out = new TreeMap<>();
          for (String table : tables(c)) {
            // SQLite reports key columns as nullable (they are, in SQLite); a key is never NULL
            // here
            Set<String> key = new TreeSet<>();
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, table)) {
              while (rs.next()) {
                key.add(rs.getString("COLUMN_NAME"));
              }
            }
            Set<String> cols = new TreeSet<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
              while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                boolean nullable =
                    rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable && !key.contains(name);
                cols.add(name + (nullable ? " NULL" : " NOT NULL"));
              }
            }
            out.put(table, cols);
          }
          return out;
        });
  }

  /** The indexes the migrations name (not those the engines make for keys). */
  private static Set<String> indexes(Database db) {
    return db.read(
        c -> {
          Set<String> out = new TreeSet<>();
          for (String table : tables(c)) {
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
              while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null
                    && !name.startsWith("sqlite_")
                    && !name.endsWith("_pkey")
                    && !name.endsWith("_key")) {
                  out.add(table + "." + name);
                }
              }
            }
          }
          return out;
        });
  }

  private static Set<String> tables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")) {
          out.add(name);
        }
      }
    }
    return out;
  }
}
