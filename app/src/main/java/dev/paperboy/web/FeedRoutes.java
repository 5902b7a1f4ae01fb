package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.Period;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.People;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Every list page as RSS 2.0, Atom and JSON Feed: {@code /feeds/{rss|atom|json}} followed by the
 * page's own path ({@code /papers/week/2026-W34}, {@code /search?q=…}, {@code /authors/…}), plus
 * {@code /categories/{cat}} and a reader's {@code /private/{token}}. Any feed takes the {@link
 * FeedFilter} parameters.
 */
final class FeedRoutes {

  static final String PREFIX = "/feeds/{format}";

  /** How many papers a feed looks through before its filters pick the shown ones. */
  static final int POOL = 500;

  /** How many days, up to the newest one, a category feed looks back. */
  static final int CATEGORY_DAYS = 30;

  /** What a route found: the feed's words, the page it follows, and the papers before filters. */
  private record Listing(String title, String description, String pagePath, List<Paper> papers) {}

  private final FeedService feeds;
  private final PaperStore papers;
  private final People people;
  private final SearchService search;
  private final CommunityServices community;
  private final PersonalFeed personal;
  private final Site site;

  FeedRoutes(
      FeedService feeds,
      PaperStore papers,
      People people,
      SearchService search,
      CommunityServices community,
      PersonalFeed personal,
      Site site) {
    this.feeds = feeds;
    this.papers = papers;
    this.people = people;
    this.search = search;
    this.community = community;
    this.personal = personal;
    this.site = site;
  }

  void register(Javalin app) {
    route(app, "/papers", ctx -> latestDay());
    route(app, "/papers/trending", ctx -> trending());
    for (Period.Kind kind : Period.Kind.values()) {
      route(app, "/papers/" + kind.path() + "/{key}", ctx -> period(parse(kind, ctx)));
    }
    route(app, "/search", this::search);
    route(app, "/authors/{name}", ctx -> author(ctx.pathParam("name")));
    route(app, "/orgs/{name}", ctx -> org(ctx.pathParam("name")));
    route(app, "/categories/{cat}", ctx -> category(FeedFilter.category(ctx.pathParam("cat"))));
    route(app, "/collections/{collection}", ctx -> collection(Forms.longPath(ctx, "collection")));
    route(app, "/private/{token}", this::personal);
  }

  /** The address of a reader's private feed in this format. */
  static String privatePath(FeedFormat format, String token) {
    return "/feeds/" + format.path() + "/private/" + token;
  }

  /** The format and filters are read first: a bad one is a 400 before any work is done. */
  private void route(Javalin app, String path, Function<Context, Listing> find) {
    app.get(
        PREFIX + path,
        ctx -> {
          FeedFormat format = FeedFormat.of(ctx.pathParam("format"));
          FeedFilter filter = FeedFilter.of(ctx);
          send(ctx, format, filter, find.apply(ctx));
        });
  }

  private Listing latestDay() {
    LocalDate day = feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
    Listing newest = period(new Period.Day(day));
    return new Listing(
        "Daily Papers",
        "The newest day of papers on Paperboy, most upvoted first.",
        "/papers",
        newest.papers());
  }

  private Listing period(Period period) {
    FeedService.FeedPage page = feeds.page(period, PaperStore.Order.UPVOTES, 0, POOL);
    String heading =
        switch (period.kind()) {
          case DAY -> "Daily Papers";
          case WEEK -> "Weekly Papers";
          case MONTH -> "Monthly Papers";
        };
    return new Listing(
        heading + " · " + period.label(),
        "Papers of " + period.label() + " on Paperboy, most upvoted first.",
        FeedView.href(period),
        page.papers());
  }

  private static Period parse(Period.Kind kind, Context ctx) {
    try {
      return Period.parse(kind, ctx.pathParam("key"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private Listing trending() {
    FeedService.TrendingPage page = feeds.trending(0, POOL);
    return new Listing(
        "Trending papers",
        "Papers of the last " + FeedService.TRENDING_DAYS + " days, by upvotes that fade with age.",
        "/papers/trending",
        page.papers());
  }

  /** The search page's query and filters, as that page reads them, at most a feed's worth. */
  private Listing search(Context ctx) {
    SearchResults results =
        search.search(SearchRoutes.request(ctx, 0, FeedFilter.MAX_LIMIT), SearchMode.HYBRID, false);
    String q = ctx.queryParam("q").strip();
    return new Listing(
        "Search: " + q,
        "Papers on Paperboy matching “" + q + "”.",
        "/search?" + SearchRoutes.queryString(ctx),
        papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList()));
  }

  private Listing author(String name) {
    People.Author author = PeopleRoutes.author(people, name);
    return new Listing(
        "Papers by " + author.name(),
        "Papers on Paperboy by " + author.name() + ", newest first.",
        NameLink.authorHref(author.key()),
        people.papersBy(author.key(), 0, POOL));
  }

  private Listing org(String handle) {
    String name = PeopleRoutes.org(people, handle).organization().displayName();
    return new Listing(
        "Papers from " + name,
        "Papers on Paperboy from " + name + ", newest first.",
        NameLink.orgHref(handle),
        people.papersOf(handle, 0, POOL));
  }

  private Listing category(String category) {
    LocalDate to = feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
    return new Listing(
        "Recent " + category + " papers",
        "Papers in arXiv's " + category + " of the last " + CATEGORY_DAYS + " days, newest first.",
        "/search?q=&cat=" + category,
        papers.inCategory(category, to.minusDays(CATEGORY_DAYS - 1), to, POOL));
  }

  private Listing collection(long id) {
    PaperCollections.Collection k =
        community
            .collections()
            .find(id, null)
            .orElseThrow(() -> new NotFoundResponse("There is no public collection " + id + "."));
    return new Listing(
        k.name(),
        k.description().isEmpty() ? "A collection by " + k.ownerName() + "." : k.description(),
        k.href(),
        papers.findAll(community.collections().paperIds(id)));
  }

  /** Private feeds are not cached by shared caches nor indexed; a revoked token is simply gone. */
  private Listing personal(Context ctx) {
    long userId =
        community
            .feedTokens()
            .userOf(ctx.pathParam("token"))
            .orElseThrow(() -> new NotFoundResponse("There is no feed at this address."));
    ctx.header("Cache-Control", "private, max-age=300");
    ctx.header("X-Robots-Tag", "noindex");
    return new Listing(
        personal.title(),
        personal.title() + ", on Paperboy. This address is private: keep it to yourself.",
        "/",
        personal.papersFor(userId, POOL));
  }

  private void send(Context ctx, FeedFormat format, FeedFilter filter, Listing listing) {
    List<FeedItem> items =
        filter.apply(listing.papers()).stream().map(p -> FeedItem.of(p, site)).toList();
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
    FeedChannel channel =
        new FeedChannel(
            listing.title() + " · Paperboy",
            listing.description(),
            site.absolute(listing.pagePath()),
            site.absolute(ctx.path() + query),
            items);
    if (ctx.res().getHeader("Cache-Control") == null) {
      ctx.header("Cache-Control", "public, max-age=300");
    }
    ConditionalGet.send(ctx, format.contentType(), format.write(channel), channel.updated());
  }
}
