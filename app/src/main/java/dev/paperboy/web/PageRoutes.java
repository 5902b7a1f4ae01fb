package dev.paperboy.web;

import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.Period;
import dev.paperboy.harvest.Harvests;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.Search;
import dev.paperboy.thumbnail.Thumbnails;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The server-rendered pages: the feeds, trending, the paper page and the status page. */
final class PageRoutes {

  static final int PAGE_SIZE = 50;

  private final FeedService feeds;
  private final Templates templates;
  private final Search search;
  private final Harvests harvests;
  private final Cards cards;
  private final PaperPage paperPage;
  private final PaperMarkdown markdown;
  private final Site site;
  private final Thumbnails thumbnails;
  private final RenderCache renders;

  PageRoutes(
      FeedService feeds,
      Search search,
      Harvests harvests,
      Templates templates,
      Cards cards,
      PaperPage paperPage,
      PaperMarkdown markdown,
      Site site,
      Thumbnails thumbnails,
      RenderCache renders) {
    this.feeds = feeds;
    this.search = search;
    this.harvests = harvests;
    this.templates = templates;
    this.cards = cards;
    this.paperPage = paperPage;
    this.markdown = markdown;
    this.site = site;
    this.thumbnails = thumbnails;
    this.renders = renders;
  }

  void register(Javalin app) {
    app.get("/", this::home);
    app.get("/papers", this::home);
    app.get("/papers/trending", this::trending);
    app.get("/papers/date/{key}", ctx -> feed(ctx, Period.Kind.DAY));
    app.get("/papers/week/{key}", ctx -> feed(ctx, Period.Kind.WEEK));
    app.get("/papers/month/{key}", ctx -> feed(ctx, Period.Kind.MONTH));
    app.get(
        "/papers/<id>",
        ctx -> {
          String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
          if (PaperMarkdown.asked(ctx)) {
            markdown.send(ctx, id);
          } else {
            renders.page(ctx, () -> paperPage.html(ctx, id, null, null));
          }
        });
    app.get(
        "/status",
        ctx ->
            templates.page(
                ctx,
                "status.jte",
                new StatusView(
                    search.status(),
                    harvests.all().stream().limit(12).toList(),
                    thumbnails.status())));
  }

  private void home(Context ctx) {
    renders.page(
        ctx,
        () -> {
          LocalDate day = feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
          return render(ctx, new Period.Day(day));
        });
  }

  private void feed(Context ctx, Period.Kind kind) {
    Period period;
    try {
      period = Period.parse(kind, ctx.pathParam("key"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    renders.page(ctx, () -> render(ctx, period));
  }

  private String render(Context ctx, Period period) {
    int page = Params.intParam(ctx, "page", 1, 1, 100_000) - 1;
    FeedService.FeedPage result = feeds.page(period, PaperStore.Order.UPVOTES, page, PAGE_SIZE);
    if (page >= result.pageCount()) {
      throw new NotFoundResponse(
          period.label() + " has " + Format.plural(result.pageCount(), "page", "pages") + ".");
    }
    Viewer viewer = SessionGate.viewer(ctx);
    return templates.render(
        "feed.jte", viewer, FeedView.of(result, cards.of(viewer, result.papers()), site));
  }

  private void trending(Context ctx) {
    renders.page(ctx, () -> trendingPage(ctx));
  }

  private String trendingPage(Context ctx) {
    int page = Params.intParam(ctx, "page", 1, 1, 100_000) - 1;
    FeedService.TrendingPage result = feeds.trending(page, PAGE_SIZE);
    if (page >= result.pageCount()) {
      throw new NotFoundResponse(
          "Trending has " + Format.plural(result.pageCount(), "page", "pages") + ".");
    }
    int shown = page + 1;
    Viewer viewer = SessionGate.viewer(ctx);
    List<CardView> shownCards = cards.of(viewer, result.papers());
    String window = Dates.day(result.from()) + " – " + Dates.day(result.to());
    return templates.render(
        "trending.jte",
        viewer,
        new TrendingView(
            window,
            shownCards,
            shown,
            result.pageCount(),
            shown > 1 ? "/papers/trending?page=" + (shown - 1) : null,
            shown < result.pageCount() ? "/papers/trending?page=" + (shown + 1) : null,
            site.preview(
                "Trending papers",
                "Papers trending on Paperboy, "
                    + window
                    + ": "
                    + String.join("; ", shownCards.stream().limit(5).map(CardView::title).toList()),
                "/papers/trending",
                shownCards.isEmpty() ? null : shownCards.get(0).thumbnailHref(),
                "website")));
  }
}
