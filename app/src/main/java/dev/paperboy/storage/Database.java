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
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The database, pooled, with the schema brought up to date by {@link Migrations} when it opens: by
 * default the embedded SQLite file (write-ahead logging, so readers never wait for the importer),
 * or a PostgreSQL server shared by several nodes.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final Path file;
  private final Dialect dialect;
  private final String description;
  private final AtomicLong commits = new AtomicLong();

  private Database(Path file, Dialect dialect, String description, HikariDataSource pool) {
    this.file = file;
    this.dialect = dialect;
    this.description = description;
    this.pool = pool;
  }

  /** Opens (creating if needed) the SQLite file and applies pending migrations. */
  public static Database open(Path file) {
    return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
  }

  /**
   * Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code
   * jdbc:postgresql://host:port/db}) and applies pending migrations. The user and password (null
   * for none) are never logged.
   */
  public static Database open(String url, String user, String password) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (dialect == Dialect.SQLITE) {
      return openSqlite(Path.of(url.substring("jdbc:sqlite:".length())), config);
    }
    config.setPoolName("paperboy-postgresql");
    // an import's batch of upserts goes as a few multi-row statements, not one round trip a paper
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(10);
    config.setUsername(user);
    config.setPassword(password);
    String shown = withoutQuery(url);
    return migrated(new Database(null, dialect, shown, connect(config, shown)));
  }

  private static HikariDataSource connect(HikariConfig config, String shown) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot connect to the database " + shown + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  /** The URL without its query, where a password may hide. */
  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static Database openSqlite(Path file, HikariConfig config) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory for " + file, e);
    }
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
    return migrated(
        new Database(file, Dialect.SQLITE, file.toString(), new HikariDataSource(config)));
  }

  private static Database migrated(Database db) {
    try (Connection c = db.pool.getConnection()) {
      Migrations.apply(c, db.dialect);
    } catch (SQLException e) {
      db.pool.close();
      throw new StorageException(
          "cannot open database " + db.description + ": " + e.getMessage(), e);
    }
    return db;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Where the database is, for people: the file, or the server's URL without credentials. */
  public String describe() {
    return description;
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
        commits.incrementAndGet();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("database write failed: " + e.getMessage(), e);
    }
  }

  /**
   * How many transactions this process has committed: a reader of something a transaction may have
   * changed can tell, without a query, that nothing here did since it last looked.
   */
  public long commits() {
    return commits.get();
  }

  /** Runs read-only work on a pooled connection. */
  public <T> T read(Work<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException("database read failed: " + e.getMessage(), e);
    }
  }

  /** The SQLite file; null on a database server. */
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
