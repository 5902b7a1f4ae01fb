package dev.paperboy.web;

import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.Period;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The server-rendered pages: the feeds and the paper page. */
final class PageRoutes {

  static final int PAGE_SIZE = 50;
  static final int SIMILAR = 6;

  private final FeedService feeds;
  private final PaperStore papers;
  private final Templates templates;
  private final SearchService search;

  PageRoutes(FeedService feeds, PaperStore papers, SearchService search, Templates templates) {
    this.feeds = feeds;
    this.papers = papers;
    this.search = search;
    this.templates = templates;
  }

  void register(Javalin app) {
    app.get("/", this::home);
    app.get("/papers", this::home);
    app.get("/papers/date/{key}", ctx -> feed(ctx, Period.Kind.DAY));
    app.get("/papers/week/{key}", ctx -> feed(ctx, Period.Kind.WEEK));
    app.get("/papers/month/{key}", ctx -> feed(ctx, Period.Kind.MONTH));
    app.get("/papers/<id>", this::paper);
    app.get("/status", ctx -> ctx.html(templates.render("status.jte", search.status())));
  }

  private void home(Context ctx) {
    LocalDate day = feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
    render(ctx, new Period.Day(day));
  }

  private void feed(Context ctx, Period.Kind kind) {
    Period period;
    try {
      period = Period.parse(kind, ctx.pathParam("key"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    render(ctx, period);
  }

  private void render(Context ctx, Period period) {
    int page = Params.intParam(ctx, "page", 1, 1, 100_000) - 1;
    FeedService.FeedPage result = feeds.page(period, PaperStore.Order.UPVOTES, page, PAGE_SIZE);
    if (page >= result.pageCount()) {
      throw new NotFoundResponse(
          period.label() + " has " + Format.plural(result.pageCount(), "page", "pages") + ".");
    }
    ctx.html(templates.render("feed.jte", FeedView.of(result)));
  }

  private void paper(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    var paper =
        papers
            .find(id)
            .orElseThrow(() -> new NotFoundResponse("No paper " + id + " in this Paperboy yet."));
    List<CardView> similar =
        papers.findAll(search.similar(id, SIMILAR)).stream().map(CardView::of).toList();
    ctx.html(templates.render("paper.jte", PaperView.of(paper, similar)));
  }
}
