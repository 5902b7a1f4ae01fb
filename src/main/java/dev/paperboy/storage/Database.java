package dev.paperboy.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The embedded SQLite database: one file, write-ahead logging so readers never wait for the
 * importer, and the schema brought up to date by {@link Migrations} when it opens.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final Path file;

  private Database(Path file, HikariDataSource pool) {
    this.file = file;
    this.pool = pool;
  }

  /** Opens (creating if needed) the SQLite file and applies pending migrations. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory for " + file, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setPoolName("paperboy-sqlite");
    config.setMaximumPoolSize(4);
    // sqlite-jdbc applies these pragmas to every connection it opens
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "NORMAL");
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("busy_timeout", "10000");
    // writers take the lock when they begin, so change stamps taken inside a transaction follow
    // commit order even across processes
    config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    HikariDataSource pool = new HikariDataSource(config);
    Database db = new Database(file, pool);
    try (Connection c = pool.getConnection()) {
      Migrations.apply(c);
    } catch (SQLException e) {
      pool.close();
      throw new StorageException("cannot open database " + file + ": " + e.getMessage(), e);
    }
    return db;
  }

  public DataSource dataSource() {
    return pool;
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Work that runs inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs the work in one transaction (taking SQLite's write lock at the start): committed when it
   * returns, rolled back when it throws. A {@link RuntimeException} from the work passes through
   * unchanged, so a refusal reaches the caller as itself.
   */
  public <T> T transaction(Work<T> work) {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("database write failed: " + e.getMessage(), e);
    }
  }

  /** Runs read-only work on a pooled connection. */
  public <T> T read(Work<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException("database read failed: " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Runs a trivial query, for readiness checks.
   *
   * @throws StorageException when the database cannot answer
   */
  public void ping() {
    read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT 1")) {
            return rs.next();
          }
        });
  }

  @Override
  public void close() {
    pool.close();
  }
}
