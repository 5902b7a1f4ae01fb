package dev.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the jte templates that the build precompiled into classes. */
final class Templates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Object view) {
    StringOutput out = new StringOutput();
    engine.render(template, view, out);
    return out.toString();
  }
}
