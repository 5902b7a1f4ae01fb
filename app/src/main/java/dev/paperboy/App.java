package dev.paperboy;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Submissions;
import dev.paperboy.digest.Digests;
import dev.paperboy.digest.PaperPicker;
import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.ForYouFeed;
import dev.paperboy.feed.ReaderProfiles;
import dev.paperboy.harvest.ArxivApiClient;
import dev.paperboy.harvest.HarvestScheduler;
import dev.paperboy.harvest.Harvests;
import dev.paperboy.ingest.RecordCounts;
import dev.paperboy.observe.Observability;
import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.paper.People;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Secret;
import dev.paperboy.thumbnail.Thumbnails;
import dev.paperboy.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The composition root: builds every component once, in dependency order, and closes them. */
public final class App implements AutoCloseable {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(App.class);

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final Leases leases;
  private final PaperStore papers;
  private final FeedService feeds;
  private final ArxivApiClient arxiv;
  private final CommunityServices community;
  private final Secret secret;
  private final Digests digests;
  private final Harvests harvests;
  private final ForYouFeed forYou;
  private final RecordCounts importCounts = new RecordCounts();
  private final RecordCounts harvestCounts = new RecordCounts();
  private Search search;
  private Search readingSearch;
  private WebServer web;
  private HarvestScheduler ingest;
  private Thumbnails thumbnails;
  private Observability observe;

  public App(Config config) {
    this(config, Clock.systemUTC());
  }

  /** An app whose notion of "now" comes from {@code clock} (tests fix it). */
  public App(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database =
        Database.open(config.databaseUrl(), config.database().user(), config.database().password());
    this.leases = new Leases(database, config.node().name(), clock);
    this.papers = new PaperStore(database);
    papers.listAuthorsOfStoredPapers();
    this.feeds = new FeedService(papers);
    // one client for the whole process: arXiv's one-request-every-3-seconds rule is kept per client
    this.arxiv =
        new ArxivApiClient(ArxivApiClient.Settings.defaults().withEndpoint(config.arxivApiUrl()));
    this.secret = Secret.shared(database, config.secretFile());
    this.harvests = new Harvests(database, papers, clock, harvestCounts);
    this.digests =
        Digests.create(
            database,
            papers,
            this::keywordMatches,
            this::forYouPicks,
            secret,
            config.publicUrl(),
            config.mail(),
            config.outboxDir(),
            config.timeZone(),
            clock,
            leases);
    this.community =
        CommunityServices.create(
            database,
            papers,
            arxiv,
            clock,
            config.timeZone(),
            new Submissions.Rules(config.submitMaxAgeDays(), config.submitPerDay()),
            secret,
            digests.accountMail(),
            leases);
    this.forYou =
        new ForYouFeed(
            papers,
            new ReaderProfiles(
                papers,
                new PaperVectors(database),
                config.embeddingModel(),
                community.votes(),
                community.collections(),
                community.follows(),
                community.feedback()),
            new ForYou());
  }

  /** A digest reader's For-you papers with their reasons in words. */
  private List<PaperPicker.Picked> forYouPicks(
      long userId, LocalDate from, LocalDate to, int size) {
    return forYou.rank(userId, from, to, size).stream()
        .map(
            p ->
                new PaperPicker.Picked(
                    p.paper(), p.reasons().stream().map(ForYouFeed::words).toList()))
        .toList();
  }

  /** Ranks a period's papers for a reader (the pages, the API and the digest share it). */
  public ForYouFeed forYou() {
    return forYou;
  }

  public Digests digests() {
    return digests;
  }

  public Harvests harvests() {
    return harvests;
  }

  /** What this process's imports read and stored, for its metrics (pass it to an ImportJob). */
  public RecordCounts importCounts() {
    return importCounts;
  }

  /** The one arXiv API client of this process (arXiv's pace is kept per client). */
  public ArxivApiClient arxiv() {
    return arxiv;
  }

  /**
   * Papers of the days whose words match a digest reader's keyword. The serving process asks its
   * own index; a command run beside a server reads the server's latest index commit.
   */
  private synchronized Set<String> keywordMatches(String keyword, LocalDate from, LocalDate to) {
    SearchRequest request =
        new SearchRequest(keyword, from, to, null, false, SearchRequest.Order.RELEVANCE, 0, 500);
    Search s = search;
    if (s == null) {
      if (readingSearch == null) {
        readingSearch =
            Engines.search(
                database, config.search(), config.indexDir(), "none", config.node().name(), true);
        readingSearch.follower().catchUp(null);
      }
      s = readingSearch;
    }
    return s.service().search(request, SearchMode.KEYWORD, false).hits().stream()
        .map(SearchResults.Hit::id)
        .collect(Collectors.toSet());
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

  /** This node's leases: who runs the work meant to run once across the nodes. */
  public Leases leases() {
    return leases;
  }

  public PaperStore papers() {
    return papers;
  }

  public CommunityServices community() {
    return community;
  }

  /**
   * Opens the search index for writing (one process at a time may hold it: the serving one). Its
   * follower indexes what the change log holds beyond the index's watermark.
   */
  public synchronized Search search() {
    if (search == null) {
      search =
          Engines.search(
              database,
              config.search(),
              config.indexDir(),
              config.embeddingModel(),
              config.node().name(),
              false);
    }
    return search;
  }

  /**
   * Starts the web server on the configured host and port (0 picks a free port); the search index
   * follows the database in the background from then on, and, unless PAPERBOY_INGEST=off, the
   * server harvests arXiv and Hugging Face on its schedule.
   */
  public WebServer serve() {
    Search s = search();
    if (!s.indexShared()) {
      // the keyword index is built before the server says it is up: a first start answers
      // searches from its first request, not [] for the seconds the follower would take
      long lag = s.follower().lag();
      if (lag > 0) {
        log.info("Indexing {} changed papers before serving", lag);
        s.follower().catchUp(lag > 10_000 ? System.err : null);
      }
    }
    s.start(FOLLOW);
    community.submissionWorker().start(SUBMISSION_MILLIS);
    digests.scheduler().start();
    if (config.harvest().enabled()) {
      ingest = HarvestScheduler.create(harvests, papers, arxiv, config.harvest(), clock, leases);
      ingest.start();
    }
    thumbnails = Thumbnails.create(database, config.thumbnails(), config.thumbnailDir(), clock);
    thumbnails.start();
    observe =
        Observability.create(
            database,
            s,
            importCounts,
            harvestCounts,
            digests.outbox(),
            community.accounts(),
            config.metricsToken());
    web =
        new WebServer(
                new WebServer.Parts(
                    feeds,
                    forYou,
                    papers,
                    new People(database),
                    s,
                    community,
                    digests,
                    harvests,
                    secret,
                    config.secureCookies(),
                    clock,
                    observe,
                    config.trustedProxies(),
                    thumbnails,
                    config.publicUrl(),
                    new ContentVersion(database)))
            .start(config.host(), config.port());
    return web;
  }

  /** How often the index reads the change log: a change is searchable within about this long. */
  private static final Duration FOLLOW = Duration.ofMillis(500);

  private static final long SUBMISSION_MILLIS = 5000;

  /** This node's thumbnails, once {@link #serve()} has run. */
  public Thumbnails thumbnails() {
    if (thumbnails == null) {
      throw new IllegalStateException("not serving");
    }
    return thumbnails;
  }

  /** Every route the web server registered ("GET /api/daily_papers"), once serving. */
  public java.util.List<String> routes() {
    if (web == null) {
      throw new IllegalStateException("not serving");
    }
    return web.routes();
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
    if (observe != null) {
      observe.close();
    }
    community.submissionWorker().close();
    digests.scheduler().close();
    if (ingest != null) {
      ingest.close();
    }
    if (thumbnails != null) {
      thumbnails.close();
    }
    if (search != null) {
      search.close();
    }
    if (readingSearch != null) {
      readingSearch.close();
    }
    arxiv.close();
    database.close();
  }
}
