package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;

/** Moderation for admins: hide papers and comments, block users, and read who did what. */
final class AdminRoutes {

  private static final int LOG_SIZE = 200;

  private final CommunityServices community;
  private final Templates templates;

  AdminRoutes(CommunityServices community, Templates templates) {
    this.community = community;
    this.templates = templates;
  }

  void register(Javalin app) {
    app.get("/admin", this::page);
    app.post("/admin/papers/<id>/hide", ctx -> paper(ctx, true));
    app.post("/admin/papers/<id>/show", ctx -> paper(ctx, false));
    app.post("/admin/comments/{comment}/hide", ctx -> comment(ctx, true));
    app.post("/admin/comments/{comment}/show", ctx -> comment(ctx, false));
    app.post("/admin/users/{user}/block", ctx -> user(ctx, true));
    app.post("/admin/users/{user}/unblock", ctx -> user(ctx, false));
  }

  private static User admin(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    if (!user.isAdmin()) {
      throw new ForbiddenResponse("Only admins can moderate.");
    }
    return user;
  }

  private void page(Context ctx) {
    admin(ctx);
    templates.page(
        ctx,
        "admin.jte",
        new AdminView(community.moderation().log(LOG_SIZE), community.accounts().list(), null));
  }

  private void paper(Context ctx, boolean hide) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    community.moderation().setPaperHidden(admin(ctx), id, hide, ctx.formParam("reason"));
    Forms.redirectBack(ctx, "/papers/" + id);
  }

  private void comment(Context ctx, boolean hide) {
    community
        .moderation()
        .setCommentHidden(
            admin(ctx), Forms.longPath(ctx, "comment"), hide, ctx.formParam("reason"));
    Forms.redirectBack(ctx, "/admin");
  }

  private void user(Context ctx, boolean block) {
    community
        .moderation()
        .setBlocked(admin(ctx), Forms.longPath(ctx, "user"), block, ctx.formParam("reason"));
    Forms.redirectBack(ctx, "/admin");
  }
}
