package dev.paperboy.web;

import dev.paperboy.cite.BibTex;
import dev.paperboy.cite.Ris;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.function.Function;

/**
 * Citations to take away: a paper, a collection the viewer may see, or a page of search results as
 * BibTeX ({@code .bib}) or RIS ({@code .ris}) files. Registered before the pages, whose routes
 * would otherwise read {@code 2608.01234.bib} as a paper id.
 */
final class CiteRoutes {

  static final String BIBTEX = "application/x-bibtex; charset=utf-8";
  static final String RIS = "application/x-research-info-systems; charset=utf-8";

  private final PaperStore papers;
  private final PaperPage paperPage;
  private final PaperCollections collections;
  private final SearchService search;

  CiteRoutes(
      PaperStore papers, PaperPage paperPage, PaperCollections collections, SearchService search) {
    this.papers = papers;
    this.paperPage = paperPage;
    this.collections = collections;
    this.search = search;
  }

  /** The two formats: a file extension, its content type and its writer. */
  private enum Format {
    BIB("bib", BIBTEX, BibTex::of),
    RIS_FILE("ris", RIS, Ris::of);

    final String extension;
    final String contentType;
    final Function<List<Paper>, String> writer;

    Format(String extension, String contentType, Function<List<Paper>, String> writer) {
      this.extension = extension;
      this.contentType = contentType;
      this.writer = writer;
    }
  }

  void register(Javalin app) {
    for (Format f : Format.values()) {
      app.get("/papers/<id>." + f.extension, ctx -> paper(ctx, f));
      app.get("/collections/{collection}." + f.extension, ctx -> collection(ctx, f));
      app.get("/search." + f.extension, ctx -> searched(ctx, f));
    }
  }

  private void paper(Context ctx, Format f) {
    Paper paper = paperPage.visible(ctx, Params.arxivId(ctx, HttpStatus.NOT_FOUND));
    send(ctx, f, paper.id(), List.of(paper));
  }

  private void collection(Context ctx, Format f) {
    long id = Forms.longPath(ctx, "collection");
    PaperCollections.Collection k =
        collections
            .find(id, SessionGate.viewer(ctx).user())
            .orElseThrow(() -> new NotFoundResponse("There is no collection " + id + "."));
    List<Paper> held =
        papers.findAll(collections.paperIds(k.id())).stream().filter(p -> !p.hidden()).toList();
    send(ctx, f, "collection-" + k.id(), held);
  }

  /** The papers of the search page with the same query, filters, order and page. */
  private void searched(Context ctx, Format f) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new BadRequestResponse("Say what to search for: q is required.");
    }
    int page = Params.intParam(ctx, "page", 1, 1, SearchRoutes.MAX_PAGE) - 1;
    SearchResults results =
        search.search(
            SearchRoutes.request(ctx, page * SearchRoutes.PAGE_SIZE, SearchRoutes.PAGE_SIZE),
            SearchMode.HYBRID,
            false);
    List<Paper> found =
        papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList()).stream()
            .filter(p -> !p.hidden())
            .toList();
    send(ctx, f, "search", found);
  }

  private static void send(Context ctx, Format f, String name, List<Paper> cited) {
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\""
            + name.replaceAll("[^A-Za-z0-9._-]", "_")
            + "."
            + f.extension
            + "\"");
    ctx.contentType(f.contentType).result(f.writer.apply(cited));
  }
}
