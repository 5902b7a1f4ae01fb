package dev.paperboy;

import dev.paperboy.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test runs on: the embedded SQLite file by default, or, when the system property
 * {@code paperboy.test.database} is {@code postgresql}, a fresh database on a real PostgreSQL
 * server started once per test JVM (from Maven jars, nothing to install), or on the server at
 * {@code PAPERBOY_TEST_POSTGRES_URL}. The same data directory always gets the same database, so a
 * test that reopens an instance finds its data.
 */
public final class TestDatabases {

  private static final boolean POSTGRES =
      "postgresql".equals(System.getProperty("paperboy.test.database", "sqlite"));
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Map<Path, DatabaseSettings> BY_DIR = new HashMap<>();
  private static EmbeddedPostgres server;

  private TestDatabases() {}

  public static boolean onPostgres() {
    return POSTGRES;
  }

  /** Where the instance in {@code dataDir} keeps its data. */
  public static synchronized DatabaseSettings settings(Path dataDir) {
    if (!POSTGRES) {
      return DatabaseSettings.EMBEDDED;
    }
    return BY_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> freshDatabase());
  }

  /**
   * Settings for another node of the instance in {@code dataDir}: the same database (the embedded
   * file by its URL, or the same PostgreSQL database), with its own data directory elsewhere.
   */
  public static synchronized DatabaseSettings sharedWith(Path dataDir) {
    DatabaseSettings s = settings(dataDir);
    return s.url() != null
        ? s
        : new DatabaseSettings(
            "jdbc:sqlite:" + dataDir.resolve("paperboy.db").toAbsolutePath(), null, null);
  }

  /** The database of the instance in {@code dataDir}, opened and migrated. */
  public static Database open(Path dataDir) {
    DatabaseSettings s = settings(dataDir);
    return s.url() == null
        ? Database.open(dataDir.resolve("paperboy.db"))
        : Database.open(s.url(), s.user(), s.password());
  }

  /**
   * The settings for an instance in {@code dataDir}: its data there, its database as above, its
   * search engine as {@link TestSolr} says.
   */
  public static Config config(Path dataDir) {
    return new Config("127.0.0.1", 0, dataDir)
        .withDatabase(settings(dataDir))
        .withSearch(TestSolr.settings(dataDir.resolve("index")));
  }

  private static Path serverData;

  /** The test PostgreSQL server, started on first use. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        serverData = java.nio.file.Files.createTempDirectory("paperboy-pg");
        server = start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
      }
    }
    return server;
  }

  private static EmbeddedPostgres start(int port) throws IOException {
    EmbeddedPostgres.Builder b =
        EmbeddedPostgres.builder().setDataDirectory(serverData).setCleanDataDirectory(false);
    return (port == 0 ? b : b.setPort(port)).start();
  }

  /**
   * Stops the test server (every connection breaks), runs {@code whileDown}, and starts it again on
   * the same port and data: a database server restarted under a running Paperboy.
   */
  public static synchronized void restartServer(Runnable whileDown) {
    int port = server().getPort();
    try {
      server.close();
      server = null;
      whileDown.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        server = start(port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the test PostgreSQL server again", e);
      }
    }
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // the JVM is going away; the server's files are in a temporary folder
    }
  }

  private static DatabaseSettings freshDatabase() {
    String external = System.getenv("PAPERBOY_TEST_POSTGRES_URL"); // jdbc:postgresql://host:port/
    String base =
        external != null ? external : "jdbc:postgresql://localhost:" + server().getPort() + "/";
    String user = System.getenv().getOrDefault("PAPERBOY_TEST_POSTGRES_USER", "postgres");
    String password = System.getenv().getOrDefault("PAPERBOY_TEST_POSTGRES_PASSWORD", "");
    String name = "paperboy_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    return new DatabaseSettings(base + name, user, password);
  }
}
