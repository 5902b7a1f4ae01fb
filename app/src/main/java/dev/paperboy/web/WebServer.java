package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Refusal;
import dev.paperboy.digest.Digests;
import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.ForYouFeed;
import dev.paperboy.harvest.Harvests;
import dev.paperboy.observe.Observability;
import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.People;
import dev.paperboy.search.Search;
import dev.paperboy.storage.Secret;
import dev.paperboy.storage.StorageException;
import dev.paperboy.thumbnail.Thumbnails;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import jakarta.servlet.DispatcherType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front-end: pages, JSON API and static assets, with one place that renders errors. */
public final class WebServer implements AutoCloseable {

  /** What the web layer is built from. */
  public record Parts(
      FeedService feeds,
      ForYouFeed forYou,
      PaperStore papers,
      People people,
      Search search,
      CommunityServices community,
      Digests digests,
      Harvests harvests,
      Secret secret,
      boolean secureCookies,
      Clock clock,
      Observability observe,
      List<String> trustedProxies,
      Thumbnails thumbnails,
      String publicUrl,
      ContentVersion contentVersion) {}

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /**
   * Scripts, styles, fonts and images come only from this site (KaTeX sets inline styles; the
   * thumbnail placeholders are inline SVG, so data: stays); no page may be framed.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Under https, browsers are told to use nothing else for a year. */
  private static final String HSTS = "max-age=31536000";

  private final Javalin app;
  private final Templates templates = new Templates();
  private final Admission admission = Admission.forThisMachine();
  private final Site site;

  public WebServer(Parts parts) {
    this.site = new Site(parts.publicUrl());
    RequestLogging requests = new RequestLogging(parts.observe());
    parts.observe().watchAdmission(admission::inProgress, admission::waiting, admission::refused);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.requestLogger.http(requests::routed);
              config.jetty.modifyServer(server -> server.setRequestLog(requests));
              config.router.ignoreTrailingSlashes = true;
              config.http.maxRequestSize = RequestChecks.MAX_BODY_BYTES;
              // answers made per request (search, signed-in pages) are compressed fast: brotli's
              // quality 1 when the client takes it, else gzip at nginx's default level (a third
              // of level 6's time for a 160 KB search answer, 1.1 vs 3.3 ms, at a fifth more
              // bytes); cached pages and assets are compressed once, better (PreparedBody)
              if (Brotli.AVAILABLE) {
                config.http.brotliAndGzipCompression(
                    Brotli.DYNAMIC_QUALITY, PreparedBody.DYNAMIC_GZIP_LEVEL);
              } else {
                config.http.gzipOnlyCompression(PreparedBody.DYNAMIC_GZIP_LEVEL);
              }
              ClientAddress clients = new ClientAddress(parts.trustedProxies());
              config.contextResolver.ip =
                  ctx -> clients.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
              config.jetty.modifyServer(server -> server.setErrorHandler(new BareErrors()));
              config.jetty.modifyServletContextHandler(
                  context -> {
                    EnumSet<DispatcherType> direct = EnumSet.of(DispatcherType.REQUEST);
                    context.addFilter(new FilterHolder(admission), "/*", direct);
                    context.addFilter(new FilterHolder(new HeadAsGet()), "/*", direct);
                    context.addFilter(new FilterHolder(new RefusedEncodings()), "/*", direct);
                  });
            });
    app.before(requests::begin);
    app.before(ctx -> securityHeaders(ctx::header));
    if (parts.secureCookies()) {
      app.before(ctx -> ctx.header("Strict-Transport-Security", HSTS));
    }
    app.before(RequestChecks::check);
    new OpsRoutes(parts.observe()).register(app);
    SessionGate gate =
        new SessionGate(parts.community().accounts(), parts.secret(), parts.secureCookies());
    gate.register(app);
    RenderCache renders =
        new RenderCache(
            parts.contentVersion(),
            gate.anonymousToken(),
            parts.clock(),
            RenderCache.FEED_BYTES,
            false);
    RenderCache searches =
        new RenderCache(
            parts.contentVersion(),
            gate.anonymousToken(),
            parts.clock(),
            RenderCache.SEARCH_BYTES,
            true);
    Cards cards = new Cards(parts.community(), parts.thumbnails(), parts.clock());
    StaticAssets.register(app);
    new ThumbnailRoutes(parts.thumbnails()).register(app);
    PaperPage paperPage =
        new PaperPage(
            parts.papers(),
            parts.search().service(),
            parts.community(),
            templates,
            cards,
            parts.clock(),
            site);
    new CiteRoutes(
            parts.papers(), paperPage, parts.community().collections(), parts.search().service())
        .register(app);
    FollowButtons follows = new FollowButtons(parts.community().follows());
    PaperPieces pieces =
        new PaperPieces(parts.contentVersion(), parts.papers(), PaperPieces.MAX_BYTES);
    new SearchRoutes(
            parts.search().service(), parts.papers(), templates, cards, follows, searches, pieces)
        .register(app);
    new FollowRoutes(
            parts.community().follows(),
            parts.community().feedback(),
            parts.papers(),
            templates,
            cards)
        .register(app);
    new ForYouRoutes(parts.forYou(), parts.feeds(), templates, cards).register(app);
    PaperMarkdown markdown = new PaperMarkdown(parts.papers(), site);
    new ApiRoutes(
            parts.feeds(), parts.papers(), parts.search().service(), markdown, renders, pieces)
        .register(app);
    new ApiDocsRoutes(templates, site).register(app);
    new AccountRoutes(
            parts.community(),
            parts.digests(),
            parts.papers(),
            gate,
            templates,
            cards,
            parts.clock(),
            site)
        .register(app);
    new YourDataRoutes(parts.community()).register(app);
    new PasswordRoutes(parts.community(), gate, templates).register(app);
    new CommunityRoutes(parts.community(), parts.papers(), paperPage, templates, cards)
        .register(app);
    new AdminRoutes(parts.community(), templates).register(app);
    new PeopleRoutes(parts.people(), templates, cards, site, follows).register(app);
    // the private feed: the reader's For-you ranking of the last week
    PersonalFeed personal = new ForYouPapers(parts.forYou(), parts.feeds());
    new FeedRoutes(
            parts.feeds(),
            parts.papers(),
            parts.people(),
            parts.search().service(),
            parts.community(),
            personal,
            site)
        .register(app);

    new DigestRoutes(parts.digests(), templates).register(app);
    new Theme(parts.secureCookies()).register(app);
    new SiteFiles(templates).register(app);
    new PageRoutes(
            parts.feeds(),
            parts.search(),
            parts.harvests(),
            templates,
            cards,
            paperPage,
            markdown,
            site,
            parts.thumbnails(),
            renders)
        .register(app);
    app.exception(UnauthorizedResponse.class, (e, ctx) -> signInFirst(ctx, e.getMessage()));
    app.exception(
        NotStoredResponse.class,
        (e, ctx) -> {
          ctx.status(404);
          if (Forms.wantsJson(ctx)) {
            ApiJson.send(ctx, new ApiJson.Error(e.howToFetch()));
          } else {
            page(ctx, new ErrorView(404, "Not Found", e.getMessage(), e.offer()));
          }
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          // Javalin reports unmatched routes as "Endpoint GET /x not found"; say it plainly
          boolean noRoute = e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ");
          error(ctx, e.getStatus(), noRoute ? noPage(ctx) : e.getMessage());
        });
    app.exception(
        Refusal.class,
        (e, ctx) -> {
          if (e.kind() == Refusal.Kind.NOT_SIGNED_IN) {
            signInFirst(ctx, e.getMessage());
            return;
          }
          if (e.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
          }
          error(ctx, e.kind().status(), e.getMessage());
        });
    app.exception(
        StorageException.class,
        (e, ctx) -> {
          if (e.conflict()) {
            error(ctx, 409, "Someone else just changed the same thing; reload and try again.");
          } else if (e.unavailable()) {
            log.warn(
                "{} {}: the database is unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            error(
                ctx, 503, "The database is unavailable for a moment; try again in a few seconds.");
          } else {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Something went wrong on our side; the error is in the server log.");
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "Something went wrong on our side; the error is in the server log.");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, noPage(ctx));
          }
        });
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    site.listeningOn(app.port());
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Every registered route as "METHOD path", in Javalin's path syntax: what the docs must cover.
   */
  public List<String> routes() {
    return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .map(e -> e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath())
        .toList();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** The headers every answer carries, whoever writes it (a page, the busy filter, Jetty). */
  static void securityHeaders(BiConsumer<String, String> header) {
    header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "same-origin");
  }

  /** Signed-out people meet a sign-in page that brings them back; scripts get a 401. */
  private void signInFirst(Context ctx, String message) {
    if (Forms.wantsJson(ctx)) {
      error(ctx, 401, message);
      return;
    }
    String back =
        ctx.method().name().equals("GET")
            ? SessionGate.viewer(ctx).path()
            : Forms.localPath(ctx.formParam("back"), Forms.refererPath(ctx));
    ctx.redirect(
        "/signin?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
  }

  private void error(Context ctx, int status, String message) {
    ctx.status(status);
    if (Forms.wantsJson(ctx)) {
      ApiJson.send(ctx, new ApiJson.Error(message));
      return;
    }
    page(ctx, new ErrorView(status, HttpStatus.forStatus(status).getMessage(), message, null));
  }

  private void page(Context ctx, ErrorView view) {
    templates.page(ctx, "error.jte", view);
  }

  private static String noPage(Context ctx) {
    return "There is no page at " + Params.clip(ctx.path()) + ".";
  }
}
