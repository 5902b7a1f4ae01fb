package dev.paperboy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations per dialect: {@code db/migration/<dialect>/V<n>__<name>.sql} on the
 * class path, listed in that folder's {@code index.txt} in increasing order, each applied once in
 * its own transaction and recorded in {@code schema_version}. Every listed version not recorded yet
 * is applied, so a number left free for work on another branch (V8 while V9 exists) is applied when
 * it arrives. A version means the same schema on every dialect: PostgreSQL starts from a baseline
 * equal to SQLite at that version.
 */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");

  private Migrations() {}

  record Migration(int version, String name, String sql) {}

  /**
   * Brings the schema up to date. Nodes that start together take turns: on PostgreSQL behind an
   * advisory lock, on SQLite behind the write lock each migration's transaction takes; either way a
   * version another node applied meanwhile is skipped.
   */
  public static void apply(Connection c, Dialect dialect) throws SQLException {
    dialect.lockMigrations(c, true);
    try {
      applyAll(c, dialect);
    } finally {
      dialect.lockMigrations(c, false);
    }
  }

  private static void applyAll(Connection c, Dialect dialect) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT"
              + " NULL, applied_at TEXT NOT NULL)");
    }
    Set<Integer> applied = appliedVersions(c);
    for (Migration m : load(dialect)) {
      if (applied.contains(m.version())) {
        continue;
      }
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        if (appliedVersions(c).contains(m.version())) {
          c.rollback(); // another process applied it while this one waited
          continue;
        }
        for (String statement : m.sql().split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            st.execute(statement);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)")) {
          ps.setInt(1, m.version());
          ps.setString(2, m.name());
          ps.setString(3, java.time.Instant.now().toString());
          ps.executeUpdate();
        }
        c.commit();
        log.info("Applied schema migration V{} {}", m.version(), m.name());
      } catch (SQLException e) {
        c.rollback();
        throw new SQLException("migration V" + m.version() + " failed: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  /** The newest schema version applied (0 for a database without any). */
  static int currentVersion(Connection c) throws SQLException {
    return appliedVersions(c).stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  static Set<Integer> appliedVersions(Connection c) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  static List<Migration> load(Dialect dialect) {
    String folder = dialect.migrations();
    List<Migration> out = new ArrayList<>();
    for (String file : read(folder + "/index.txt").split("\\R")) {
      if (file.isBlank()) {
        continue;
      }
      Matcher m = NAME.matcher(file.strip());
      if (!m.matches()) {
        throw new IllegalStateException("badly named migration: " + file);
      }
      out.add(
          new Migration(
              Integer.parseInt(m.group(1)), m.group(2), read(folder + "/" + file.strip())));
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).version() <= (i == 0 ? 0 : out.get(i - 1).version())) {
        throw new IllegalStateException("migrations must be listed in increasing order: " + out);
      }
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
