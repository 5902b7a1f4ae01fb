package dev.paperboy.web;

import dev.paperboy.thumbnail.ThumbnailCache;
import dev.paperboy.thumbnail.Thumbnails;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/**
 * The papers' thumbnails, served from this node's own cache: pages never point at another host's
 * image. A paper whose image this node does not have is a 404 (cards then show a placeholder).
 */
final class ThumbnailRoutes {

  /** A cached image changes only when its source's does; a day is short enough either way. */
  static final String CACHE_CONTROL = "public, max-age=86400";

  private final Thumbnails thumbnails;

  ThumbnailRoutes(Thumbnails thumbnails) {
    this.thumbnails = thumbnails;
  }

  /** Where a card finds the paper's image: Paperboy's own address, or null when not cached. */
  static String href(Thumbnails thumbnails, String id) {
    return thumbnails.find(id).map(e -> "/thumbnails/" + id + "?v=" + e.tag()).orElse(null);
  }

  void register(Javalin app) {
    app.get("/thumbnails/<id>", this::serve);
  }

  private void serve(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    ThumbnailCache.Entry entry =
        thumbnails.find(id).orElseThrow(() -> new NotFoundResponse("No thumbnail for " + id + "."));
    String etag = "\"" + entry.tag() + "\"";
    ctx.header("Cache-Control", CACHE_CONTROL);
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    Optional<byte[]> bytes = thumbnails.read(entry);
    if (bytes.isEmpty()) {
      throw new NotFoundResponse("No thumbnail for " + id + ".");
    }
    ctx.contentType(entry.type().contentType());
    ctx.result(bytes.get());
  }
}
