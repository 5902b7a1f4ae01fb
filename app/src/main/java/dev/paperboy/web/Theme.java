package dev.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Set;

/**
 * Light or dark pages. Without a choice the pages follow the system's {@code prefers-color-scheme};
 * the header's toggle remembers a choice in a cookie, so the server renders the chosen theme and
 * the page never flashes the other one. The toggle is a plain form: it works without JavaScript.
 */
final class Theme {

  static final String COOKIE = "pb_theme";
  private static final Set<String> CHOICES = Set.of("light", "dark");
  private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

  private final boolean secure;

  Theme(boolean secure) {
    this.secure = secure;
  }

  /** The request's remembered theme, or null to follow the system. */
  static String of(Context ctx) {
    String chosen = ctx.cookie(COOKIE);
    return chosen != null && CHOICES.contains(chosen) ? chosen : null;
  }

  void register(Javalin app) {
    app.post("/theme", this::choose);
  }

  private void choose(Context ctx) {
    String theme = ctx.formParam("theme");
    if (theme == null || !CHOICES.contains(theme)) {
      throw new BadRequestResponse("theme must be light or dark");
    }
    ctx.cookie(
        new Cookie(
            COOKIE, theme, "/", ONE_YEAR_SECONDS, secure, 0, true, null, null, SameSite.LAX));
    if (Forms.wantsJson(ctx)) {
      ctx.status(HttpStatus.NO_CONTENT);
      return;
    }
    ctx.redirect(Forms.localPath(ctx.formParam("back"), "/"), HttpStatus.SEE_OTHER);
  }
}
