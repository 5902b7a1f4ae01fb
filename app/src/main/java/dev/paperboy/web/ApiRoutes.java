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

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private final FeedService feeds;
  private final PaperStore papers;
  private final SearchService search;

  ApiRoutes(FeedService feeds, PaperStore papers, SearchService search) {
    this.feeds = feeds;
    this.papers = papers;
    this.search = search;
  }

  void register(Javalin app) {
    app.get("/api/daily_papers", this::dailyPapers);
    app.get("/api/papers/<id>/similar", this::similar);
    app.get("/api/papers/<id>", this::paper);
  }

  private void dailyPapers(Context ctx) {
    Period period = period(ctx);
    int page = Params.intParam(ctx, "p", 0, 0, 100_000);
    int limit = Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    PaperStore.FeedOrder order = order(ctx.queryParam("sort"));
    FeedService.FeedPage result = feeds.page(period, order, page, limit);
    ApiJson.send(ctx, result.papers().stream().map(ApiJson::dailyPaper).toList());
  }

  private void paper(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.BAD_REQUEST);
    ApiJson.send(ctx, ApiJson.paper(stored(id)));
  }

  /** Nearest papers in meaning, HF-shaped; empty while the paper has no vector yet. */
  private void similar(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.BAD_REQUEST);
    stored(id);
    int limit = Params.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
    ApiJson.send(
        ctx, papers.findAll(search.similar(id, limit)).stream().map(ApiJson::dailyPaper).toList());
  }

  /** The stored paper; a 404 that says how to fetch it from arXiv otherwise. */
  private Paper stored(String id) {
    return papers.find(id).orElseThrow(() -> new NotStoredResponse(id));
  }

  private Period period(Context ctx) {
    return period(ctx, feeds);
  }

  /**
   * The period {@code date}, {@code week} or {@code month} names (at most one), else the newest
   * day.
   */
  static Period period(Context ctx, FeedService feeds) {
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
    if (given.isEmpty()) {
      return new Period.Day(feeds.latestDay().orElse(LocalDate.now(ZoneOffset.UTC)));
    }
    return given.get(0);
  }

  private static PaperStore.FeedOrder order(String sort) {
    if (sort == null || sort.isBlank()) {
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
