package dev.paperboy.web;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The search page and {@code /api/papers/search}. */
final class SearchRoutes {

  static final int PAGE_SIZE = 20;

  /**
   * Search pages reach the first 1,000 results: deeper pages would ask the vector index for ever
   * more neighbours (a kNN of k = offset + 20), a cost no reader needs.
   */
  static final int MAX_PAGE = 50;

  private final SearchService search;
  private final PaperStore papers;
  private final Templates templates;
  private final Cards cards;
  private final FollowButtons follows;
  private final RenderCache renders;
  private final PaperPieces pieces;

  SearchRoutes(
      SearchService search,
      PaperStore papers,
      Templates templates,
      Cards cards,
      FollowButtons follows,
      RenderCache renders,
      PaperPieces pieces) {
    this.follows = follows;
    this.pieces = pieces;
    this.renders = renders;
    this.search = search;
    this.papers = papers;
    this.templates = templates;
    this.cards = cards;
  }

  void register(Javalin app) {
    app.get("/search", this::page);
    app.get("/api/papers/search", this::api);
  }

  /**
   * Answers are cached per URL until the content version moves, which the search index's catching
   * up does too (its watermark is saved with a bump): a popular query is searched once per change,
   * not once per request.
   */
  private void api(Context ctx) {
    int limit = ApiCatalog.SEARCH_LIMIT.intIn(ctx);
    if (ApiCatalog.QUERY.textIn(ctx) == null) {
      // huggingface_hub's list_papers() sends no q at all: the latest day, as on the home page
      renders.everyone(
          ctx, () -> ApiJson.rendered(latest(limit).stream().map(ApiJson::dailyPaper).toList()));
      return;
    }
    SearchRequest request = request(ctx, 0, limit);
    renders.everyone(ctx, () -> apiAnswer(request));
  }

  private RenderCache.Rendered apiAnswer(SearchRequest request) {
    // the API returns papers, not snippets: highlighting 50 abstracts was most of its cost
    SearchResults results = search.search(request, SearchMode.HYBRID, false);
    // the body stays Hugging Face's shape (a list of papers); what a client should know beside it
    // travels in headers
    Map<String, String> headers = new LinkedHashMap<>();
    if (results.indexing() != null) {
      headers.put(
          "X-Paperboy-Indexed",
          results.indexing().indexed()
              + " of "
              + results.indexing().papers()
              + " papers; "
              + results.indexing().embedded()
              + " with vectors");
    }
    if (results.notice() != null) {
      headers.put("X-Paperboy-Notice", results.notice().replaceAll("[^\\x20-\\x7e]", "-"));
    }
    headers.put("X-Total-Count", String.valueOf(results.total()));
    return pieces
        .dailyPapers(results.hits().stream().map(SearchResults.Hit::id).toList())
        .quick(headers);
  }

  private void page(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      templates.page(ctx, "search.jte", emptyView(ctx));
      return;
    }
    // a signed-out reader's page is cached as the API's answers are
    renders.page(ctx, true, () -> results(ctx));
  }

  private String results(Context ctx) {
    int page = Params.intParam(ctx, "page", 1, 1, MAX_PAGE) - 1;
    SearchRequest request = request(ctx, page * PAGE_SIZE, PAGE_SIZE);
    SearchResults results = search.search(request);
    Map<String, Cards.Highlight> highlights =
        results.hits().stream()
            .collect(
                Collectors.toMap(
                    SearchResults.Hit::id,
                    h -> new Cards.Highlight(h.titleHtml(), h.abstractHtml(), h.byMeaning()),
                    (a, b) -> a));
    List<CardView> cards = this.cards.of(SessionGate.viewer(ctx), papersOf(results), highlights);
    long shown = page * (long) PAGE_SIZE;
    ArxivOffer offer = offer(request.query());
    String self = "/search?" + queryString(ctx);
    return templates.render(
        "search.jte",
        SessionGate.viewer(ctx),
        new SearchView(
            request.query(),
            param(ctx, "from"),
            param(ctx, "to"),
            param(ctx, "cat"),
            request.hasCode(),
            request.order().name().toLowerCase(Locale.ROOT),
            cards,
            offer == null ? summary(request, results) : null,
            results.notice(),
            page > 0 ? self + "&page=" + page : null,
            shown + PAGE_SIZE < results.total() && page + 1 < MAX_PAGE
                ? self + "&page=" + (page + 2)
                : null,
            suggestions(ctx, results),
            offer,
            follows.search(SessionGate.viewer(ctx), request.query(), param(ctx, "cat")),
            cards.isEmpty() ? null : queryString(ctx) + (page > 0 ? "&page=" + (page + 1) : "")));
  }

  private static String summary(SearchRequest request, SearchResults results) {
    if (results.total() == 0) {
      return "No papers match “"
          + request.query()
          + "”"
          + (filtered(request) ? " with these filters." : ".");
    }
    String count =
        results.totalAtLeast()
            ? Format.compact(results.total()) + "+ papers match"
            : Format.plural(results.total(), "paper", "papers") + " match";
    long byMeaning = results.hits().stream().filter(SearchResults.Hit::byMeaning).count();
    return byMeaning > 0 && byMeaning == results.hits().size() && !results.totalAtLeast()
        ? count + " by meaning only: no paper has these words"
        : count;
  }

  private static boolean filtered(SearchRequest r) {
    return r.category() != null || r.hasCode() || r.from() != null || r.to() != null;
  }

  /** The engine's suggestions as sentences with links that keep the rest of the search. */
  private static List<SearchView.Suggestion> suggestions(Context ctx, SearchResults results) {
    List<SearchView.Suggestion> out = new ArrayList<>();
    for (SearchResults.Suggestion s : results.suggestions()) {
      switch (s.kind()) {
        case SPELLING ->
            out.add(
                new SearchView.Suggestion(
                    "Another spelling: ",
                    s.query(),
                    "/search?" + queryString(ctx, "q", s.query()),
                    "?"));
        case FEWER_WORDS ->
            out.add(new SearchView.Suggestion("Fewer or more general words.", null, null, ""));
        case WITHOUT_FILTER -> {
          String name =
              switch (s.filter()) {
                case "category" -> "the category filter (" + param(ctx, "cat") + ")";
                case "code" -> "the “has code” filter";
                default -> "the date filter";
              };
          String without =
              switch (s.filter()) {
                case "category" -> queryString(ctx, "cat", null);
                case "code" -> queryString(ctx, "code", null);
                default -> queryString(ctx, "from", null, "to", null);
              };
          out.add(
              new SearchView.Suggestion(
                  "Nothing matches with " + name + "; ",
                  Format.plural(s.matches(), "paper matches", "papers match") + " without it",
                  "/search?" + without,
                  "."));
        }
      }
    }
    return out;
  }

  /** An offer to fetch the paper when the query names one by its arXiv id that is not stored. */
  private ArxivOffer offer(String query) {
    return ArxivId.parse(query)
        .filter(id -> papers.find(id.id()).isEmpty())
        .map(ArxivOffer::of)
        .orElse(null);
  }

  private List<Paper> latest(int limit) {
    return papers
        .latestDay()
        .map(day -> papers.feed(day, day, PaperStore.Order.UPVOTES, 0, limit))
        .orElse(List.of());
  }

  private List<Paper> papersOf(SearchResults results) {
    return papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList());
  }

  static SearchRequest request(Context ctx, int offset, int limit) {
    try {
      return new SearchRequest(
          ctx.queryParam("q"),
          date(ctx, "from"),
          date(ctx, "to"),
          param(ctx, "cat"),
          "1".equals(ctx.queryParam("code")) || "true".equals(ctx.queryParam("code")),
          order(ctx.queryParam("sort")),
          offset,
          limit);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private static SearchRequest.Order order(String sort) {
    if (sort == null || sort.isBlank()) {
      return SearchRequest.Order.RELEVANCE;
    }
    try {
      return SearchRequest.Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(
          "sort must be relevance, newest or upvotes, got '" + Params.clip(sort) + "'");
    }
  }

  private static LocalDate date(Context ctx, String name) {
    String v = param(ctx, name);
    return v == null ? null : Params.day(name, v);
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /**
   * The current filters as a query string, without the page, with parameters replaced, given as
   * name, value pairs (a null value leaves the parameter out).
   */
  static String queryString(Context ctx, String... replaced) {
    Map<String, String> with = new java.util.HashMap<>();
    for (int i = 0; i + 1 < replaced.length; i += 2) {
      with.put(replaced[i], replaced[i + 1]);
    }
    List<String> parts = new ArrayList<>();
    for (String name : List.of("q", "from", "to", "cat", "code", "sort")) {
      String v = with.containsKey(name) ? with.get(name) : param(ctx, name);
      if (v != null) {
        parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return String.join("&", parts);
  }

  private SearchView emptyView(Context ctx) {
    return new SearchView(
        "",
        param(ctx, "from"),
        param(ctx, "to"),
        param(ctx, "cat"),
        false,
        "relevance",
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        follows.search(SessionGate.viewer(ctx), null, param(ctx, "cat")),
        null);
  }
}
