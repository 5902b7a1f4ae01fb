package dev.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates that the build precompiled into classes. Every page template takes the
 * {@link Viewer} (for the header, forms and CSRF tokens) and its own view record.
 */
final class Templates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Viewer viewer, Object view) {
    StringOutput out = new StringOutput();
    engine.render(template, Map.of("viewer", viewer, "view", view), out);
    return out.toString();
  }

  /** Renders the page for the request's viewer as the response. */
  void page(Context ctx, String template, Object view) {
    ctx.html(render(template, SessionGate.viewer(ctx), view));
  }
}
