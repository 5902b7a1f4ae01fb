package dev.paperboy;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Submissions;
import dev.paperboy.feed.FeedService;
import dev.paperboy.ingest.ArxivApiClient;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.SearchService;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Secret;
import dev.paperboy.web.WebServer;
import java.time.Clock;

/** The composition root: builds every component once, in dependency order, and closes them. */
public final class App implements AutoCloseable {

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final PaperStore papers;
  private final FeedService feeds;
  private final ArxivApiClient arxiv;
  private final CommunityServices community;
  private SearchService search;
  private WebServer web;

  public App(Config config) {
    this(config, Clock.systemUTC());
  }

  /** An app whose notion of "now" comes from {@code clock} (tests fix it). */
  public App(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.databaseFile());
    this.papers = new PaperStore(database);
    this.feeds = new FeedService(papers);
    // one client for the whole process: arXiv's one-request-every-3-seconds rule is kept per client
    this.arxiv =
        new ArxivApiClient(ArxivApiClient.Settings.defaults().withEndpoint(config.arxivApiUrl()));
    this.community =
        CommunityServices.create(
            database,
            papers,
            arxiv,
            clock,
            config.timeZone(),
            new Submissions.Rules(config.submitMaxAgeDays(), config.submitPerDay()));
  }

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  public PaperStore papers() {
    return papers;
  }

  public CommunityServices community() {
    return community;
  }

  /**
   * Opens the search index (one process at a time may hold it: the serving one). Papers the
   * database changed while it was closed are indexed by {@link SearchService#catchUp}.
   */
  public SearchService search() {
    if (search == null) {
      search =
          new SearchService(
              config.indexDir(), papers, new PaperVectors(database), config.embeddingModel());
    }
    return search;
  }

  /**
   * Starts the web server on the configured host and port (0 picks a free port); the search index
   * follows the database in the background from then on.
   */
  public WebServer serve() {
    SearchService s = search();
    s.follow(FOLLOW_MILLIS);
    community.submissionWorker().start(SUBMISSION_MILLIS);
    web =
        new WebServer(
                new WebServer.Parts(
                    feeds,
                    papers,
                    s,
                    community,
                    Secret.load(config.secretFile()),
                    config.secureCookies(),
                    clock))
            .start(config.host(), config.port());
    return web;
  }

  private static final long FOLLOW_MILLIS = 2000;
  private static final long SUBMISSION_MILLIS = 5000;

  /** The port the web server listens on, once {@link #serve()} has run. */
  public int port() {
    if (web == null) {
      throw new IllegalStateException("not serving");
    }
    return web.port();
  }

  @Override
  public void close() {
    if (web != null) {
      web.close();
    }
    community.submissionWorker().close();
    if (search != null) {
      search.close();
    }
    arxiv.close();
    database.close();
  }
}
