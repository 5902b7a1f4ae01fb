package dev.paperboy.web;

import io.javalin.Javalin;
import java.util.List;

/** The API described: {@code /api/openapi.json} for tools and {@code /api} for people. */
final class ApiDocsRoutes {

  private final Templates templates;
  private final Site site;

  ApiDocsRoutes(Templates templates, Site site) {
    this.templates = templates;
    this.site = site;
  }

  void register(Javalin app) {
    app.get(
        "/api/openapi.json",
        ctx -> ApiJson.send(ctx, OpenApiDocument.of(ApiCatalog.ROUTES, site.absolute(""))));
    app.get("/api", ctx -> templates.page(ctx, "api.jte", view()));
  }

  private ApiDocsView view() {
    List<ApiDocsView.Route> routes = ApiCatalog.ROUTES.stream().map(ApiDocsView.Route::of).toList();
    return new ApiDocsView(site.absolute(""), routes);
  }
}
