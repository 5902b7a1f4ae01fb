package dev.paperboy;

import dev.paperboy.feed.FeedService;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.SearchService;
import dev.paperboy.storage.Database;
import dev.paperboy.web.WebServer;

/** The composition root: builds every component once, in dependency order, and closes them. */
public final class App implements AutoCloseable {

  private final Config config;
  private final Database database;
  private final PaperStore papers;
  private final FeedService feeds;
  private SearchService search;
  private WebServer web;

  public App(Config config) {
    this.config = config;
    this.database = Database.open(config.databaseFile());
    this.papers = new PaperStore(database);
    this.feeds = new FeedService(papers);
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public PaperStore papers() {
    return papers;
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
    web = new WebServer(feeds, papers, s).start(config.host(), config.port());
    return web;
  }

  private static final long FOLLOW_MILLIS = 2000;

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
    if (search != null) {
      search.close();
    }
    database.close();
  }
}
