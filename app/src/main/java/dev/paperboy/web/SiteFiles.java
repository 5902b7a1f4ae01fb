package dev.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The files browsers ask for at fixed addresses outside {@code /static}: the favicon (asked for by
 * every browser whether a page names it or not) and the web-app manifest; and the keyboard help.
 */
final class SiteFiles {

  private static final String ONE_DAY = "public, max-age=86400";

  private final byte[] favicon = resource("/static/favicon.ico");
  private final byte[] manifest = resource("/static/manifest.webmanifest");
  private final Templates templates;

  SiteFiles(Templates templates) {
    this.templates = templates;
  }

  void register(Javalin app) {
    app.get("/favicon.ico", ctx -> send(ctx, "image/x-icon", favicon));
    app.get("/manifest.webmanifest", ctx -> send(ctx, "application/manifest+json", manifest));
    app.get("/keys", ctx -> templates.page(ctx, "keys.jte", "keys"));
  }

  private static void send(Context ctx, String type, byte[] body) {
    ctx.header("Cache-Control", ONE_DAY).contentType(type).result(body);
  }

  private static byte[] resource(String path) {
    try (InputStream in = SiteFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
