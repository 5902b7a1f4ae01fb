package dev.paperboy.web;

import dev.paperboy.search.SearchRequest;
import java.util.List;
import java.util.Map;

/**
 * Every API route with its parameters, answers and errors: the one list the OpenAPI document, the
 * {@code /api} page and the route handlers' parameter checks all read. A new route is one more
 * entry in {@link #ROUTES} (the conformance test fails until it is there).
 */
final class ApiCatalog {

  static final String JSON = "application/json";

  static final ApiParam DATE =
      ApiParam.query(
              "date",
              "A Daily Papers day, YYYY-MM-DD. Without date, week or month: the latest day.")
          .pattern("^\\d{4}-\\d{2}-\\d{2}$")
          .example("2026-08-21");
  static final ApiParam WEEK =
      ApiParam.query("week", "An ISO week, YYYY-Www (Monday to Sunday).")
          .pattern("^\\d{4}-W\\d{2}$")
          .example("2026-W34");
  static final ApiParam MONTH =
      ApiParam.query("month", "A month, YYYY-MM.").pattern("^\\d{4}-\\d{2}$").example("2026-08");
  static final ApiParam SUBMITTER =
      ApiParam.query(
              "submitter",
              "Only papers this user submitted to the Daily Papers (a Hugging Face user name, or a"
                  + " member's name here), ignoring case. Alone, it covers every day.")
          .maxLength(100)
          .example("taesiri");
  static final ApiParam SORT =
      ApiParam.query(
              "sort",
              "publishedAt: newest arXiv publication first; trending: upvotes decayed by age."
                  + " Without it: most upvotes first.")
          .choices("publishedAt", "trending");
  static final ApiParam PAGE =
      ApiParam.query("p", "The page, counted from 0.").integer(0, 100_000, 0).example("0");
  static final ApiParam LIMIT =
      ApiParam.query("limit", "Papers per page.").integer(1, 100, 50).example("3");
  static final ApiParam ID =
      ApiParam.path("id", "An arXiv id without version, such as 2608.19880 or hep-th/9901001.")
          .example("2608.19880");
  static final ApiParam QUERY =
      ApiParam.query(
              "q",
              "Words or a question, matched by keywords and by meaning. Without it: the latest"
                  + " day's papers by upvotes.")
          .maxLength(SearchRequest.MAX_QUERY_CHARS)
          .example("agents");
  static final ApiParam SEARCH_LIMIT =
      ApiParam.query("limit", "Papers to return.").integer(1, 120, 50).example("5");
  static final ApiParam SIMILAR_LIMIT =
      ApiParam.query("limit", "Papers to return.").integer(1, 100, 10).example("5");
  static final ApiParam FOR_YOU_LIMIT =
      ApiParam.query("limit", "Papers to return.").integer(1, 100, ForYouRoutes.SHOWN).example("5");
  static final ApiParam AUTHOR =
      ApiParam.path("name", "An author's name, in any case or accents.").example("Chengsong Huang");
  static final ApiParam ORG =
      ApiParam.path("name", "An organisation's Hugging Face handle.").example("google");
  static final ApiParam PEOPLE_LIMIT =
      ApiParam.query("limit", "Papers per page.")
          .integer(1, 100, PeopleRoutes.PAPERS_PER_PAGE)
          .example("3");

  private static final String BAD = "A parameter is malformed or out of bounds; error says which.";
  private static final String MISSING = "No such paper, author or organisation is stored here.";
  private static final String BUSY = "The server is busy or its database unavailable; retry.";

  static final List<ApiRoute> ROUTES =
      List.of(
          new ApiRoute(
              "/api/daily_papers",
              "/api/daily_papers",
              "Hugging Face compatible",
              "Daily Papers of a day, week or month",
              "What huggingface_hub's list_daily_papers asks for: the papers of one period (at"
                  + " most one of date, week and month), optionally one submitter's, sorted and"
                  + " paged.",
              List.of(DATE, WEEK, MONTH, SUBMITTER, SORT, PAGE, LIMIT),
              JSON,
              "DailyPaperList",
              errors(400, BAD, 503, BUSY),
              List.of(
                  "/api/daily_papers?date=2026-08-21&limit=3",
                  "/api/daily_papers?week=2026-W34&sort=trending&p=1&limit=5",
                  "/api/daily_papers?month=2026-08&sort=publishedAt&limit=3",
                  "/api/daily_papers?submitter=taesiri")),
          new ApiRoute(
              "/api/papers/search",
              "/api/papers/search",
              "Hugging Face compatible",
              "Search papers",
              "What huggingface_hub's list_papers asks for. The total number of matches is in the"
                  + " X-Total-Count header.",
              List.of(QUERY, SEARCH_LIMIT),
              JSON,
              "DailyPaperList",
              errors(400, BAD, 503, BUSY),
              List.of("/api/papers/search?q=agents&limit=5", "/api/papers/search?limit=2")),
          new ApiRoute(
              "/api/papers/{id}",
              "/api/papers/<id>",
              "Hugging Face compatible",
              "One paper",
              "What huggingface_hub's paper_info asks for.",
              List.of(ID),
              JSON,
              "Paper",
              errors(400, "The id is not an arXiv id.", 404, MISSING, 503, BUSY),
              List.of("/api/papers/2608.19880")),
          new ApiRoute(
              "/papers/{id}.md",
              "/papers/<id>.md",
              "Hugging Face compatible",
              "One paper as Markdown",
              "What huggingface_hub's read_paper reads: title, authors, dates, links, AI summary"
                  + " and abstract. The paper page answers the same to Accept: text/markdown.",
              List.of(ID),
              "text/markdown",
              null,
              errors(404, MISSING, 503, BUSY),
              List.of("/papers/2608.19880.md")),
          new ApiRoute(
              "/api/papers/{id}/similar",
              "/api/papers/<id>/similar",
              "Paperboy",
              "Papers nearest in meaning",
              "Empty while the paper has no embedding yet.",
              List.of(ID, SIMILAR_LIMIT),
              JSON,
              "DailyPaperList",
              errors(400, BAD, 404, MISSING, 503, BUSY),
              List.of("/api/papers/2608.19880/similar?limit=5")),
          new ApiRoute(
              "/api/for-you",
              "/api/for-you",
              "Paperboy",
              "Your For-you papers, with the reasons",
              "The period's papers ranked for the signed-in reader (session cookie) from their"
                  + " upvotes, collections, follows and hidden papers; each with the reasons the"
                  + " page shows. Without date, week or month: the latest day.",
              List.of(DATE, WEEK, MONTH, FOR_YOU_LIMIT),
              JSON,
              "ForYouList",
              errors(400, BAD, 401, "Not signed in.", 503, BUSY),
              List.of("/api/for-you?date=2026-08-21&limit=5", "/api/for-you?week=2026-W34")),
          new ApiRoute(
              "/api/authors/{name}",
              "/api/authors/{name}",
              "Paperboy",
              "An author's papers",
              "Newest first.",
              List.of(AUTHOR, PAGE, PEOPLE_LIMIT),
              JSON,
              "AuthorPage",
              errors(400, BAD, 404, MISSING, 503, BUSY),
              List.of("/api/authors/Chengsong%20Huang?limit=3")),
          new ApiRoute(
              "/api/orgs/{name}",
              "/api/orgs/{name}",
              "Paperboy",
              "An organisation's papers",
              "Newest first.",
              List.of(ORG, PAGE, PEOPLE_LIMIT),
              JSON,
              "OrgPage",
              errors(400, BAD, 404, MISSING, 503, BUSY),
              List.of("/api/orgs/google?p=0&limit=3")),
          new ApiRoute(
              "/api/openapi.json",
              "/api/openapi.json",
              "Paperboy",
              "This API as OpenAPI 3.1",
              "Built from the same list as the server's parameter checks and the /api page.",
              List.of(),
              JSON,
              "OpenApi",
              Map.of(),
              List.of("/api/openapi.json")));

  private ApiCatalog() {}

  private static Map<Integer, String> errors(Object... statusAndMeaning) {
    Map<Integer, String> out = new java.util.TreeMap<>();
    for (int i = 0; i + 1 < statusAndMeaning.length; i += 2) {
      out.put((Integer) statusAndMeaning[i], (String) statusAndMeaning[i + 1]);
    }
    return out;
  }
}
