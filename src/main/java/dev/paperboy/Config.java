package dev.paperboy;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting Paperboy reads, in one typed place. Values come from command-line flags, then
 * environment variables ({@code PAPERBOY_*}), then defaults; {@link #describe()} is what start-up
 * logs.
 *
 * @param timeZone the zone that decides what "today" is for submissions
 * @param publicUrl the address people reach this Paperboy at (links in mail; an https address makes
 *     session cookies Secure)
 * @param submitMaxAgeDays how old on arXiv a paper may be and still be submitted
 * @param submitPerDay submissions one user may make in a day
 * @param arxivApiUrl the arXiv API endpoint that looks up submitted papers
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    String embeddingModel,
    ZoneId timeZone,
    String publicUrl,
    int submitMaxAgeDays,
    int submitPerDay,
    URI arxivApiUrl) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_EMBEDDING_MODEL = "bge-small-en-v1.5-q";
  public static final URI DEFAULT_ARXIV_API = URI.create("https://export.arxiv.org/api/query");

  /** Settings with every default but the address and data directory. */
  public Config(String host, int port, Path dataDir) {
    this(
        host,
        port,
        dataDir,
        DEFAULT_EMBEDDING_MODEL,
        ZoneId.of("UTC"),
        null,
        14,
        5,
        DEFAULT_ARXIV_API);
  }

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (submitMaxAgeDays < 0 || submitPerDay < 1) {
      throw new IllegalArgumentException(
          "PAPERBOY_SUBMIT_MAX_AGE_DAYS must be >= 0 and PAPERBOY_SUBMIT_PER_DAY >= 1");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    if (publicUrl == null || publicUrl.isBlank()) {
      publicUrl = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
    }
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "PAPERBOY_PUBLIC_URL must start with http:// or https://, got '" + publicUrl + "'");
    }
  }

  /**
   * Resolves the settings: a non-null flag wins over the environment, which wins over the default.
   */
  public static Config resolve(
      String hostFlag, Integer portFlag, Path dataDirFlag, Map<String, String> env) {
    String host = first(hostFlag, env.get("PAPERBOY_HOST"), DEFAULT_HOST);
    int port = portFlag != null ? portFlag : number(env, "PAPERBOY_PORT", DEFAULT_PORT);
    Path dataDir =
        dataDirFlag != null
            ? dataDirFlag
            : Path.of(first(null, env.get("PAPERBOY_DATA_DIR"), DEFAULT_DATA_DIR));
    String model = first(null, env.get("PAPERBOY_EMBEDDING_MODEL"), DEFAULT_EMBEDDING_MODEL);
    String zone = first(null, env.get("PAPERBOY_TIME_ZONE"), "UTC");
    ZoneId timeZone;
    try {
      timeZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "PAPERBOY_TIME_ZONE is not a time zone: '" + zone + "' (try UTC or Europe/Berlin)", e);
    }
    URI arxiv;
    try {
      arxiv =
          URI.create(first(null, env.get("PAPERBOY_ARXIV_API_URL"), DEFAULT_ARXIV_API.toString()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PAPERBOY_ARXIV_API_URL is not a URL", e);
    }
    return new Config(
        host,
        port,
        dataDir,
        model,
        timeZone,
        env.get("PAPERBOY_PUBLIC_URL"),
        number(env, "PAPERBOY_SUBMIT_MAX_AGE_DAYS", 14),
        number(env, "PAPERBOY_SUBMIT_PER_DAY", 5),
        arxiv);
  }

  public Config withEmbeddingModel(String model) {
    return new Config(
        host,
        port,
        dataDir,
        model,
        timeZone,
        publicUrl,
        submitMaxAgeDays,
        submitPerDay,
        arxivApiUrl);
  }

  public Config withArxivApiUrl(URI url) {
    return new Config(
        host,
        port,
        dataDir,
        embeddingModel,
        timeZone,
        publicUrl,
        submitMaxAgeDays,
        submitPerDay,
        url);
  }

  /** True when people reach this Paperboy over HTTPS, so cookies must be Secure. */
  public boolean secureCookies() {
    return publicUrl.startsWith("https://");
  }

  public Path databaseFile() {
    return dataDir.resolve("paperboy.db");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** The file holding this installation's secret key (signs CSRF tokens and mail links). */
  public Path secretFile() {
    return dataDir.resolve("secret.key");
  }

  /** The settings as name-value pairs for the start-up log (no secret is ever among them). */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("host", host);
    out.put("port", Integer.toString(port));
    out.put("public url", publicUrl);
    out.put("data dir", dataDir.toString());
    out.put("database", databaseFile().toString());
    out.put("search index", indexDir().toString());
    out.put("embedding model", embeddingModel);
    out.put("time zone", timeZone.getId());
    out.put(
        "submissions",
        "at most " + submitMaxAgeDays + " days old, " + submitPerDay + " a day per user");
    out.put("arXiv API", arxivApiUrl.toString());
    return out;
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: '" + text + "'", e);
    }
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : fallback;
  }
}
