package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.PasswordResets;
import dev.paperboy.community.Refusal;
import dev.paperboy.community.User;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** A forgotten password: asking for a mailed link, then choosing the new password from it. */
final class PasswordRoutes {

  private final CommunityServices community;
  private final SessionGate gate;
  private final Templates templates;

  PasswordRoutes(CommunityServices community, SessionGate gate, Templates templates) {
    this.community = community;
    this.gate = gate;
    this.templates = templates;
  }

  void register(Javalin app) {
    app.get("/forgot-password", ctx -> passwordPage(ctx, new PasswordView("", null, null)));
    app.post("/forgot-password", this::forgotPassword);
    app.get("/reset-password", this::resetPasswordPage);
    app.post("/reset-password", this::resetPassword);
  }

  private void forgotPassword(Context ctx) {
    String email = Forms.field(ctx, "email");
    try {
      community.passwordResets().request(email, ctx.ip());
    } catch (Refusal r) {
      AccountRoutes.refused(ctx, r);
      passwordPage(ctx, new PasswordView(email, null, r.getMessage()));
      return;
    }
    AccountRoutes.message(
        templates,
        ctx,
        "Check your inbox",
        "If "
            + email.strip()
            + " has an account here, a link to choose a new password is on its way to it. It"
            + " works once, for 30 minutes.");
  }

  private void resetPasswordPage(Context ctx) {
    PasswordResets.Link link =
        resetLink(ctx.queryParam("u"), ctx.queryParam("e"), ctx.queryParam("t"));
    User user = community.passwordResets().check(link).orElse(null);
    if (user == null) {
      resetLinkDead(ctx);
      return;
    }
    passwordPage(ctx, new PasswordView(user.email(), link, null));
  }

  private void resetPassword(Context ctx) {
    PasswordResets.Link link =
        resetLink(ctx.formParam("u"), ctx.formParam("e"), ctx.formParam("t"));
    User user;
    try {
      user = community.passwordResets().reset(link, Forms.field(ctx, "password"), ctx.ip());
    } catch (Refusal r) {
      AccountRoutes.refused(ctx, r);
      User linked = community.passwordResets().check(link).orElse(null);
      if (linked == null) {
        resetLinkDead(ctx);
      } else {
        passwordPage(ctx, new PasswordView(linked.email(), link, r.getMessage()));
      }
      return;
    }
    gate.signedIn(ctx, community.accounts().startSession(user));
    AccountRoutes.message(
        templates,
        ctx,
        "Your password is changed",
        "You are signed in. Every other browser that was signed into your account is signed out.");
  }

  private void resetLinkDead(Context ctx) {
    ctx.status(400);
    templates.page(
        ctx,
        "message.jte",
        new MessageView(
            "This link does not work",
            "The reset link has expired, was used already, or is not complete. Ask for a new"
                + " one.",
            "/forgot-password",
            "Ask for a new link"));
  }

  /** A reset link's fields; anything malformed becomes a link that does not work. */
  private static PasswordResets.Link resetLink(String user, String expires, String token) {
    try {
      return new PasswordResets.Link(
          Long.parseLong(String.valueOf(user)), Long.parseLong(String.valueOf(expires)), token);
    } catch (NumberFormatException e) {
      return new PasswordResets.Link(0, 0, null);
    }
  }

  private void passwordPage(Context ctx, PasswordView view) {
    templates.page(ctx, "password.jte", view);
  }
}
