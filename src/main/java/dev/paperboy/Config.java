package dev.paperboy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting Paperboy reads, in one typed place. Values come from command-line flags, then
 * environment variables ({@code PAPERBOY_*}), then defaults; {@link #describe()} is what start-up
 * logs.
 */
public record Config(String host, int port, Path dataDir, String embeddingModel) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_EMBEDDING_MODEL = "bge-small-en-v1.5-q";

  /** Settings with the default embedding model. */
  public Config(String host, int port, Path dataDir) {
    this(host, port, dataDir, DEFAULT_EMBEDDING_MODEL);
  }

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /**
   * Resolves the settings: a non-null flag wins over the environment, which wins over the default.
   */
  public static Config resolve(
      String hostFlag, Integer portFlag, Path dataDirFlag, Map<String, String> env) {
    String host = first(hostFlag, env.get("PAPERBOY_HOST"), DEFAULT_HOST);
    String portText = portFlag != null ? portFlag.toString() : env.get("PAPERBOY_PORT");
    int port;
    try {
      port = portText == null || portText.isBlank() ? DEFAULT_PORT : Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PAPERBOY_PORT is not a number: '" + portText + "'", e);
    }
    Path dataDir =
        dataDirFlag != null
            ? dataDirFlag
            : Path.of(first(null, env.get("PAPERBOY_DATA_DIR"), DEFAULT_DATA_DIR));
    String model = first(null, env.get("PAPERBOY_EMBEDDING_MODEL"), DEFAULT_EMBEDDING_MODEL);
    return new Config(host, port, dataDir, model);
  }

  public Path databaseFile() {
    return dataDir.resolve("paperboy.db");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** The settings as name-value pairs for the start-up log (no secrets exist yet to mask). */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("host", host);
    out.put("port", Integer.toString(port));
    out.put("data dir", dataDir.toString());
    out.put("database", databaseFile().toString());
    out.put("search index", indexDir().toString());
    out.put("embedding model", embeddingModel);
    return out;
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : fallback;
  }
}
