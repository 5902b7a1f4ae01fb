package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * One page of a list {@code size} to a page: the shown number (from 1), how many there are, and the
 * links to the pages beside it (null at either end).
 */
public record Pager(int page, int pageCount, String previousHref, String nextHref) {

  /**
   * The page the request's {@code page} parameter asks for (1 when absent) of {@code total} items
   * listed at {@code self}; a page past the last is a 404 that says how many there are.
   */
  static Pager of(Context ctx, String self, long total, int size, String what) {
    int page = Params.intParam(ctx, "page", 1, 1, 100_000);
    int count = (int) Math.max(1, (total + size - 1) / size);
    if (page > count) {
      throw new NotFoundResponse(what + " has " + Format.plural(count, "page", "pages") + ".");
    }
    return new Pager(
        page,
        count,
        page > 1 ? self + "?page=" + (page - 1) : null,
        page < count ? self + "?page=" + (page + 1) : null);
  }

  int offset(int size) {
    return (page - 1) * size;
  }
}
