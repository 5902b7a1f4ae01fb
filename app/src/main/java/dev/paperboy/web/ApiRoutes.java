package dev.paperboy.web;

import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.Period;
import dev.paperboy.feed.Trending;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The JSON API, shaped like Hugging Face's {@code /api/daily_papers} and {@code /api/papers}. */
final class ApiRoutes {

  /**
   * The first day any Daily Papers list could hold: a submitter's papers of every day start here.
   */
  private static final LocalDate FIRST_DAY = LocalDate.of(1991, 8, 14);

  private final FeedService feeds;
  private final PaperStore papers;
  private final SearchService search;
  private final PaperMarkdown markdown;
  private final RenderCache renders;
  private final PaperPieces pieces;

  ApiRoutes(
      FeedService feeds,
      PaperStore papers,
      SearchService search,
      PaperMarkdown markdown,
      RenderCache renders,
      PaperPieces pieces) {
    this.pieces = pieces;
    this.feeds = feeds;
    this.papers = papers;
    this.search = search;
    this.markdown = markdown;
    this.renders = renders;
  }

  void register(Javalin app) {
    app.get("/api/daily_papers", this::dailyPapers);
    app.get("/api/papers/<id>/similar", this::similar);
    app.get("/api/papers/<id>", this::paper);
    app.get(
        "/papers/<id>.md", ctx -> markdown.send(ctx, Params.arxivId(ctx, HttpStatus.NOT_FOUND)));
  }

  /** huggingface_hub's list_daily_papers: date|week|month, submitter, sort, p and limit. */
  private void dailyPapers(Context ctx) {
    renders.everyone(ctx, () -> dailyPapersJson(ctx));
  }

  private RenderCache.Rendered dailyPapersJson(Context ctx) {
    Period period = period(ctx);
    String submitter = ApiCatalog.SUBMITTER.textIn(ctx);
    PaperStore.FeedOrder order = order(ApiCatalog.SORT.textIn(ctx));
    int page = ApiCatalog.PAGE.intIn(ctx);
    int limit = ApiCatalog.LIMIT.intIn(ctx);
    List<Paper> shown;
    if (period == null && submitter != null) {
      shown = papers.feed(FIRST_DAY, latestDay(), submitter, order, page * limit, limit);
    } else {
      Period asked = period != null ? period : new Period.Day(latestDay());
      shown = feeds.page(asked, submitter, order, page, limit).papers();
    }
    return ApiJson.rendered(shown.stream().map(ApiJson::dailyPaper).toList());
  }

  private void paper(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.BAD_REQUEST);
    ApiJson.send(ctx, ApiJson.paper(stored(id)));
  }

  /** Nearest papers in meaning, HF-shaped; empty while the paper has no vector yet. */
  private void similar(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.BAD_REQUEST);
    stored(id);
    int limit = ApiCatalog.SIMILAR_LIMIT.intIn(ctx);
    RenderCache.sendOnce(ctx, pieces.dailyPapers(search.similar(id, limit)));
  }

  /** The stored paper; a 404 that says how to fetch it from arXiv otherwise. */
  private Paper stored(String id) {
    return papers.find(id).orElseThrow(() -> new NotStoredResponse(id));
  }

  /**
   * The period {@code date}, {@code week} or {@code month} names (at most one), else the newest
   * day.
   */
  static Period period(Context ctx, FeedService feeds) {
    Period named = period(ctx);
    return named != null
        ? named
        : new Period.Day(feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC)));
  }

  /** The one period the request names, or null when it names none. */
  private static Period period(Context ctx) {
    List<Period> given = new ArrayList<>();
    for (Period.Kind kind : Period.Kind.values()) {
      String value = ctx.queryParam(kind.path());
      if (value != null) {
        try {
          given.add(Period.parse(kind, value.strip()));
        } catch (IllegalArgumentException e) {
          throw new BadRequestResponse(e.getMessage());
        }
      }
    }
    if (given.size() > 1) {
      throw new BadRequestResponse("give at most one of date, week and month");
    }
    return given.isEmpty() ? null : given.get(0);
  }

  private LocalDate latestDay() {
    return feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
  }

  private static PaperStore.FeedOrder order(String sort) {
    if (sort == null) {
      return PaperStore.Order.UPVOTES;
    }
    if (sort.equals("trending")) {
      return Trending.ORDER;
    }
    if (sort.equals("publishedAt")) {
      return PaperStore.Order.PUBLISHED;
    }
    throw new BadRequestResponse(
        "sort must be publishedAt or trending, got '" + Params.clip(sort) + "'");
  }
}
