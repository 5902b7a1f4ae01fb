package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Reading posted forms and answering them: values, safe redirects, JSON or HTML. */
final class Forms {

  private Forms() {}

  /** The posted value, or "" when absent. */
  static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  static boolean checked(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v != null && (v.equals("1") || v.equals("on") || v.equals("true"));
  }

  /**
   * A local path to go back to, from {@code next} or {@code back}; anything else (another site,
   * {@code //host}, a scheme) falls back, so a link cannot turn sign-in into an open redirect.
   */
  static String localPath(String candidate, String fallback) {
    if (candidate == null
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.startsWith("/\\")
        || candidate.length() > 2000
        || candidate.chars().anyMatch(ch -> ch < 0x20)) {
      return fallback;
    }
    return candidate;
  }

  /** The path of a same-site Referer, or "/" (the page a signed-out person posted from). */
  static String refererPath(Context ctx) {
    String referer = ctx.header("Referer");
    String host = ctx.header("Host");
    if (referer == null || host == null) {
      return "/";
    }
    try {
      java.net.URI uri = java.net.URI.create(referer);
      String refererHost =
          uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      if (!host.equalsIgnoreCase(refererHost)) {
        return "/";
      }
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return localPath(path, "/");
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  /** After a successful post: see other (303), so a reload does not post again. */
  static void redirect(Context ctx, String path) {
    ctx.redirect(path, HttpStatus.SEE_OTHER);
  }

  static void redirectBack(Context ctx, String fallback) {
    redirect(ctx, localPath(ctx.formParam("back"), fallback));
  }

  /** True when the caller (a script) asked for JSON rather than a page. */
  static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    return ctx.path().startsWith("/api/")
        || accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  static long longPath(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new io.javalin.http.NotFoundResponse(
          "There is no " + name + " '" + Params.clip(ctx.pathParam(name)) + "'.");
    }
  }
}
