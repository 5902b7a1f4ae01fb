package dev.paperboy.web;

import dev.paperboy.feed.FeedService;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front-end: pages, JSON API and static assets, with one place that renders errors. */
public final class WebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final Javalin app;
  private final Templates templates = new Templates();

  public WebServer(FeedService feeds, PaperStore papers, SearchService search) {
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.router.ignoreTrailingSlashes = true;
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/static";
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "public, max-age=3600");
                  });
            });
    new SearchRoutes(search, papers, templates).register(app);
    new ApiRoutes(feeds, papers, search).register(app);
    new PageRoutes(feeds, papers, search, templates).register(app);
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          // Javalin reports unmatched routes as "Endpoint GET /x not found"; say it plainly
          boolean noRoute = e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ");
          error(ctx, e.getStatus(), noRoute ? noPage(ctx) : e.getMessage());
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
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void error(Context ctx, int status, String message) {
    ctx.status(status);
    if (wantsJson(ctx)) {
      ApiJson.send(ctx, new ApiJson.Error(message));
      return;
    }
    String title = HttpStatus.forStatus(status).getMessage();
    ctx.html(templates.render("error.jte", new ErrorView(status, title, message)));
  }

  private static String noPage(Context ctx) {
    return "There is no page at " + Params.clip(ctx.path()) + ".";
  }

  private static boolean wantsJson(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
