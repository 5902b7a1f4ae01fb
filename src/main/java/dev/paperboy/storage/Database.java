package dev.paperboy.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    pool.close();
  }
}
