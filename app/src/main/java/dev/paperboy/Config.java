package dev.paperboy;

import dev.paperboy.digest.MailSettings;
import dev.paperboy.harvest.HarvestSettings;
import dev.paperboy.observe.BearerToken;
import dev.paperboy.thumbnail.ThumbnailSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * @param mail how mail is sent (SMTP or .eml files) and when digests go out
 * @param harvest whether and when the server harvests arXiv and Hugging Face itself
 * @param trustedProxies addresses of reverse proxies whose X-Forwarded-For names the client (rate
 *     limits count per client address; without this, behind a proxy every visitor shares one)
 * @param metricsToken the bearer token that lets other machines read /metrics (null: this machine
 *     only)
 * @param node this node's name and search index, when several serve one database
 * @param database PAPERBOY_DATABASE_URL, _USER and _PASSWORD: a PostgreSQL server several nodes
 *     share, or the embedded SQLite file when the URL is not set
 * @param search PAPERBOY_SEARCH and PAPERBOY_SOLR_*: the embedded index of each node, or a
 *     SolrCloud collection all nodes share
 * @param thumbnails PAPERBOY_THUMBNAILS and PAPERBOY_THUMBNAIL_*: whether and from where this node
 *     fetches the papers' preview images into its own cache, and how large that may grow
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
    URI arxivApiUrl,
    MailSettings mail,
    HarvestSettings harvest,
    BearerToken metricsToken,
    List<String> trustedProxies,
    NodeSettings node,
    DatabaseSettings database,
    SearchSettings search,
    ThumbnailSettings thumbnails) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_EMBEDDING_MODEL = "bge-small-en-v1.5-q";
  public static final URI DEFAULT_ARXIV_API = URI.create("https://export.arxiv.org/api/query");

  /**
   * Settings with every default but the address and data directory, and live ingestion off (it
   * reaches out to arXiv and Hugging Face; {@link #resolve} turns it on unless
   * PAPERBOY_INGEST=off).
   */
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
        DEFAULT_ARXIV_API,
        null,
        HarvestSettings.defaults().disabled(),
        null,
        List.of(),
        NodeSettings.defaults(),
        DatabaseSettings.EMBEDDED,
        SearchSettings.EMBEDDED,
        ThumbnailSettings.defaults(false));
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
    if (mail == null) {
      mail = MailSettings.defaults(defaultFrom(publicUrl));
    }
    if (harvest == null) {
      harvest = HarvestSettings.defaults();
    }
    if (node == null) {
      node = NodeSettings.defaults();
    }
    if (database == null) {
      database = DatabaseSettings.EMBEDDED;
    }
    if (search == null) {
      search = SearchSettings.EMBEDDED;
    }
    if (thumbnails == null) {
      // they come from the same place as the harvested papers: off where harvests are
      thumbnails = ThumbnailSettings.defaults(harvest.enabled());
    }
    trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
    for (String proxy : trustedProxies) {
      if (!proxy.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException(
            "PAPERBOY_TRUSTED_PROXIES takes IP addresses, got '" + proxy + "'");
      }
    }
  }

  private static String defaultFrom(String publicUrl) {
    String host = URI.create(publicUrl).getHost();
    return "Paperboy <paperboy@" + (host == null || !host.contains(".") ? "localhost" : host) + ">";
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
    Config config =
        new Config(
            host,
            port,
            dataDir,
            model,
            timeZone,
            env.get("PAPERBOY_PUBLIC_URL"),
            number(env, "PAPERBOY_SUBMIT_MAX_AGE_DAYS", 14),
            number(env, "PAPERBOY_SUBMIT_PER_DAY", 5),
            arxiv,
            null,
            harvest(env),
            BearerToken.of(env.get("PAPERBOY_METRICS_TOKEN")),
            list(env.get("PAPERBOY_TRUSTED_PROXIES")),
            NodeSettings.resolve(env),
            DatabaseSettings.resolve(env),
            SearchSettings.resolve(env),
            null);
    return config.withMail(mail(env, config.mail().from())).withThumbnails(thumbnails(env, config));
  }

  /**
   * PAPERBOY_THUMBNAILS (on/off; as the harvest by default), PAPERBOY_THUMBNAIL_HOSTS (fetched over
   * https only), PAPERBOY_THUMBNAIL_CACHE_MB and PAPERBOY_THUMBNAIL_MAX_KB.
   */
  private static ThumbnailSettings thumbnails(Map<String, String> env, Config config) {
    String onOff =
        first(null, env.get("PAPERBOY_THUMBNAILS"), config.harvest().enabled() ? "on" : "off")
            .toLowerCase(Locale.ROOT);
    if (!onOff.equals("on") && !onOff.equals("off")) {
      throw new IllegalArgumentException(
          "PAPERBOY_THUMBNAILS must be on or off, got '" + onOff + "'");
    }
    List<String> hosts = list(env.get("PAPERBOY_THUMBNAIL_HOSTS"));
    return ThumbnailSettings.forHosts(
        onOff.equals("on"),
        hosts.isEmpty() ? ThumbnailSettings.HOSTS : hosts,
        number(env, "PAPERBOY_THUMBNAIL_MAX_KB", (int) (ThumbnailSettings.MAX_FILE_BYTES >> 10))
            * 1024L,
        number(env, "PAPERBOY_THUMBNAIL_CACHE_MB", (int) (ThumbnailSettings.CACHE_BYTES >> 20))
            * 1024L
            * 1024L);
  }

  /**
   * PAPERBOY_HARVEST (on/off; PAPERBOY_INGEST is the older name), PAPERBOY_INGEST_CATEGORIES,
   * _HOUR, _TIME_ZONE, PAPERBOY_OAI_URL, PAPERBOY_HF_URL.
   */
  private static HarvestSettings harvest(Map<String, String> env) {
    String onOff =
        first(null, env.getOrDefault("PAPERBOY_HARVEST", env.get("PAPERBOY_INGEST")), "on")
            .toLowerCase(Locale.ROOT);
    if (!onOff.equals("on") && !onOff.equals("off")) {
      throw new IllegalArgumentException(
          "PAPERBOY_HARVEST (or PAPERBOY_INGEST) must be on or off, got '" + onOff + "'");
    }
    String zone = first(null, env.get("PAPERBOY_INGEST_TIME_ZONE"), "America/New_York");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "PAPERBOY_INGEST_TIME_ZONE is not a time zone: " + zone, e);
    }
    String categories = first(null, env.get("PAPERBOY_INGEST_CATEGORIES"), null);
    return new HarvestSettings(
        onOff.equals("on"),
        categories == null
            ? HarvestSettings.CATEGORIES
            : java.util.Arrays.stream(categories.split("[,\\s]+"))
                .filter(c -> !c.isBlank())
                .toList(),
        number(env, "PAPERBOY_INGEST_HOUR", 21),
        zoneId,
        URI.create(first(null, env.get("PAPERBOY_OAI_URL"), HarvestSettings.OAI.toString())),
        URI.create(first(null, env.get("PAPERBOY_HF_URL"), HarvestSettings.HF.toString())));
  }

  /**
   * Mail from PAPERBOY_MAIL_FROM, PAPERBOY_SMTP_* and PAPERBOY_DIGEST_* (SMTP only with a host).
   */
  private static MailSettings mail(Map<String, String> env, String defaultFrom) {
    String smtpHost = first(null, env.get("PAPERBOY_SMTP_HOST"), null);
    MailSettings.Smtp smtp = null;
    if (smtpHost != null) {
      String securityText = first(null, env.get("PAPERBOY_SMTP_SECURITY"), "starttls");
      MailSettings.Smtp.Security security;
      try {
        security = MailSettings.Smtp.Security.valueOf(securityText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "PAPERBOY_SMTP_SECURITY must be starttls, ssl or none, got '" + securityText + "'", e);
      }
      int defaultPort =
          switch (security) {
            case STARTTLS -> 587;
            case SSL -> 465;
            case NONE -> 25;
          };
      smtp =
          new MailSettings.Smtp(
              smtpHost,
              number(env, "PAPERBOY_SMTP_PORT", defaultPort),
              security,
              first(null, env.get("PAPERBOY_SMTP_USER"), null),
              env.get("PAPERBOY_SMTP_PASSWORD"));
    }
    String day = first(null, env.get("PAPERBOY_DIGEST_WEEKLY_DAY"), "MONDAY");
    DayOfWeek weeklyDay;
    try {
      weeklyDay = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "PAPERBOY_DIGEST_WEEKLY_DAY must be a day such as MONDAY, got '" + day + "'", e);
    }
    return new MailSettings(
        first(null, env.get("PAPERBOY_MAIL_FROM"), defaultFrom),
        smtp,
        number(env, "PAPERBOY_DIGEST_HOUR", 7),
        weeklyDay,
        number(env, "PAPERBOY_DIGEST_SIZE", 10));
  }

  /** This config with the settings that may differ between runs and nodes replaced. */
  private Config copy(
      String embeddingModel,
      URI arxivApiUrl,
      MailSettings mail,
      HarvestSettings harvest,
      List<String> trustedProxies,
      NodeSettings node,
      DatabaseSettings database,
      SearchSettings search,
      ThumbnailSettings thumbnails) {
    return new Config(
        host,
        port,
        dataDir,
        embeddingModel,
        timeZone,
        publicUrl,
        submitMaxAgeDays,
        submitPerDay,
        arxivApiUrl,
        mail,
        harvest,
        metricsToken,
        trustedProxies,
        node,
        database,
        search,
        thumbnails);
  }

  public Config withEmbeddingModel(String model) {
    return copy(
        model, arxivApiUrl, mail, harvest, trustedProxies, node, database, search, thumbnails);
  }

  public Config withArxivApiUrl(URI url) {
    return copy(
        embeddingModel, url, mail, harvest, trustedProxies, node, database, search, thumbnails);
  }

  public Config withMail(MailSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        settings,
        harvest,
        trustedProxies,
        node,
        database,
        search,
        thumbnails);
  }

  public Config withHarvest(HarvestSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        mail,
        settings,
        trustedProxies,
        node,
        database,
        search,
        thumbnails);
  }

  public Config withTrustedProxies(List<String> proxies) {
    return copy(
        embeddingModel, arxivApiUrl, mail, harvest, proxies, node, database, search, thumbnails);
  }

  /** The same on another node of the cluster: its own name and search index. */
  public Config withNode(NodeSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        mail,
        harvest,
        trustedProxies,
        settings,
        database,
        search,
        thumbnails);
  }

  public Config withThumbnails(ThumbnailSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        mail,
        harvest,
        trustedProxies,
        node,
        database,
        search,
        settings);
  }

  /** This node's copies of the papers' thumbnails. */
  public Path thumbnailDir() {
    return dataDir.resolve("thumbnails");
  }

  /** Where .eml files go when no SMTP server is configured. */
  public Path outboxDir() {
    return dataDir.resolve("outbox");
  }

  /** True when people reach this Paperboy over HTTPS, so cookies must be Secure. */
  public boolean secureCookies() {
    return publicUrl.startsWith("https://");
  }

  /** The embedded database's file (used unless PAPERBOY_DATABASE_URL names another). */
  public Path databaseFile() {
    return dataDir.resolve("paperboy.db");
  }

  /** The database's JDBC URL: PAPERBOY_DATABASE_URL, else the embedded file. */
  public String databaseUrl() {
    return database.url() != null
        ? database.url()
        : "jdbc:sqlite:" + databaseFile().toAbsolutePath();
  }

  /** The same settings on another database (a JDBC URL, with its user and password). */
  public Config withDatabase(DatabaseSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        mail,
        harvest,
        trustedProxies,
        node,
        settings,
        search,
        thumbnails);
  }

  /** The same settings with another search engine (a SolrCloud collection, say). */
  public Config withSearch(SearchSettings settings) {
    return copy(
        embeddingModel,
        arxivApiUrl,
        mail,
        harvest,
        trustedProxies,
        node,
        database,
        settings,
        thumbnails);
  }

  /** This node's search index: PAPERBOY_INDEX_DIR, else {@code index} in the data directory. */
  public Path indexDir() {
    return node.indexDir() != null ? node.indexDir() : dataDir.resolve("index");
  }

  /**
   * The file that held this installation's secret key before the key moved into the database; a
   * node adopts it into the database on its first start there.
   */
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
    out.put("database", database.url() == null ? databaseFile().toString() : database.toString());
    out.put("node", node.name());
    out.put("search index", search.solr() ? search.toString() : indexDir().toString());
    out.put("embedding model", embeddingModel);
    out.put("time zone", timeZone.getId());
    out.put(
        "submissions",
        "at most " + submitMaxAgeDays + " days old, " + submitPerDay + " a day per user");
    out.put("arXiv API", arxivApiUrl.toString());
    out.put(
        "client address",
        trustedProxies.isEmpty()
            ? "the connection's"
            : "X-Forwarded-For behind " + String.join(",", trustedProxies));
    out.put("mail", mail.smtp() == null ? ".eml files in " + outboxDir() : "SMTP " + mail.smtp());
    out.put("mail from", mail.from());
    out.put(
        "digests",
        String.format(
            Locale.ROOT,
            "%02d:00 %s, daily on weekdays, weekly on %s, up to %d papers",
            mail.hour(),
            timeZone.getId(),
            mail.weeklyDay().toString().toLowerCase(Locale.ROOT),
            mail.size()));
    out.put(
        "ingestion",
        harvest.enabled()
            ? String.format(
                Locale.ROOT,
                "%s at %02d:00 %s after each arXiv announcement; OAI-PMH %s, Hugging Face %s",
                String.join(",", harvest.categories()),
                harvest.hour(),
                harvest.zone().getId(),
                harvest.oaiUrl(),
                harvest.hfUrl())
            : "off");
    out.put("thumbnails", thumbnails + " in " + thumbnailDir());
    out.put(
        "metrics",
        metricsToken == null ? "this machine only" : "this machine, or the bearer token (set)");
    return out;
  }

  static int number(Map<String, String> env, String name, int fallback) {
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

  /** A comma- or space-separated list; empty when unset. */
  private static List<String> list(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : fallback;
  }
}
