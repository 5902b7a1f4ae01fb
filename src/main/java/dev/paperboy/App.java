package dev.paperboy;

import dev.paperboy.feed.FeedService;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.web.WebServer;

/** The composition root: builds every component once, in dependency order, and closes them. */
public final class App implements AutoCloseable {

  private final Config config;
  private final Database database;
  private final PaperStore papers;
  private final FeedService feeds;
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

  public PaperStore papers() {
    return papers;
  }

  /** Starts the web server on the configured host and port (0 picks a free port). */
  public WebServer serve() {
    web = new WebServer(feeds, papers).start(config.host(), config.port());
    return web;
  }

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
    database.close();
  }
}
