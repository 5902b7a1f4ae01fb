package dev.paperboy.web;

import dev.paperboy.community.User;
import dev.paperboy.digest.Digests;
import dev.paperboy.digest.Subscription;
import dev.paperboy.digest.Subscriptions;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Subscribing to digests, confirming, changing choices and unsubscribing, all without signing in.
 */
final class DigestRoutes {

  /** Where the one-click unsubscribe of mail programs posts: exempt from CSRF, signed instead. */
  static final String UNSUBSCRIBE = "/unsubscribe";

  private final Digests digests;
  private final Templates templates;

  DigestRoutes(Digests digests, Templates templates) {
    this.digests = digests;
    this.templates = templates;
  }

  void register(Javalin app) {
    app.post("/subscribe", this::subscribe);
    app.get("/subscriptions/confirm", this::confirm);
    app.get("/subscriptions/manage", this::managePage);
    app.post("/subscriptions/manage", this::manage);
    app.get(UNSUBSCRIBE, this::unsubscribePage);
    app.post(UNSUBSCRIBE, this::oneClickUnsubscribe);
  }

  private void subscribe(Context ctx) {
    String email = Forms.field(ctx, "email").strip();
    User user = SessionGate.viewer(ctx).user();
    try {
      digests
          .subscriptions()
          .subscribe(
              email,
              choices(ctx),
              user != null && user.email().equalsIgnoreCase(email) ? user.id() : null,
              ctx.ip());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      message(
          ctx,
          "Not subscribed",
          e.getMessage(),
          Forms.localPath(ctx.formParam("back"), "/"),
          "Go back");
      return;
    } catch (Subscriptions.TooManyRequests e) {
      ctx.status(429);
      ctx.header("Retry-After", "3600");
      message(ctx, "Not subscribed", e.getMessage(), "/", "Back to today's papers");
      return;
    }
    digests.scheduler().wake(); // the confirmation goes out from the mail thread, not this one
    message(
        ctx,
        "Check your inbox",
        "If "
            + email
            + " was not subscribed yet, a confirmation link is on its way to it. Nothing else is"
            + " sent until you click it; the link works for 7 days.",
        "/",
        "Back to today's papers");
  }

  private void confirm(Context ctx) {
    boolean ok =
        digests
            .subscriptions()
            .confirm(longParam(ctx, "s"), longParam(ctx, "e"), String.valueOf(ctx.queryParam("t")));
    if (!ok) {
      ctx.status(400);
      message(
          ctx,
          "This link does not work",
          "The confirmation link has expired, was replaced by a newer one, or is not complete."
              + " Subscribe again to get a fresh link.",
          "/",
          "Back to today's papers");
      return;
    }
    Subscription s = digests.subscriptions().find(longParam(ctx, "s")).orElseThrow();
    message(
        ctx,
        "You are subscribed",
        s.email() + " now gets " + s.reason() + ". Every mail has a link to change or stop it.",
        digests.subscriptions().links().managePath(s),
        "Change what you get");
  }

  private void managePage(Context ctx) {
    Subscription s = linked(ctx.queryParam("s"), ctx.queryParam("t"));
    templates.page(ctx, "manage.jte", manageView(s, ctx.queryParam("t"), null, null));
  }

  private void manage(Context ctx) {
    String token = Forms.field(ctx, "t");
    Subscription s = linked(ctx.formParam("s"), token);
    try {
      Subscription saved = digests.subscriptions().update(s.id(), token, choices(ctx));
      templates.page(ctx, "manage.jte", manageView(saved, token, "Saved.", null));
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      templates.page(ctx, "manage.jte", manageView(s, token, null, e.getMessage()));
    }
  }

  /**
   * The unsubscribe link in a mail opens a page with one button: mail scanners follow links, and a
   * GET must not unsubscribe anyone. Mail programs post to the same address (RFC 8058).
   */
  private void unsubscribePage(Context ctx) {
    long id = longParam(ctx, "s");
    String token = String.valueOf(ctx.queryParam("t"));
    Subscription s =
        digests
            .subscriptions()
            .forUnsubscribeLink(id, token)
            .orElseThrow(() -> new BadRequestResponse("This unsubscribe link is not complete."));
    templates.page(
        ctx,
        "confirm.jte",
        new ConfirmView(
            "Unsubscribe?",
            s.email() + " gets " + s.reason() + ". Stop every digest to this address?",
            digests.subscriptions().links().unsubscribePath(s),
            Map.of("page", "1"),
            "Unsubscribe",
            digests.subscriptions().links().managePath(s),
            "Change what I get instead"));
  }

  /**
   * RFC 8058: the mail program posts "List-Unsubscribe=One-Click" (no page, no sign-in); the page
   * above posts here too and gets a page back.
   */
  private void oneClickUnsubscribe(Context ctx) {
    if (!digests.subscriptions().unsubscribe(longParam(ctx, "s"), ctx.queryParam("t"))) {
      throw new BadRequestResponse("This unsubscribe link is not complete.");
    }
    if (ctx.formParam("page") == null) {
      ctx.status(HttpStatus.OK).result("Unsubscribed.");
      return;
    }
    message(
        ctx,
        "You are unsubscribed",
        "No more digests will be sent to this address. You can subscribe again at any time.",
        "/",
        "Back to today's papers");
  }

  private ManageView manageView(Subscription s, String token, String message, String error) {
    return new ManageView(
        s, token, digests.subscriptions().links().unsubscribePath(s), message, error);
  }

  private Subscription linked(String id, String token) {
    long s;
    try {
      s = Long.parseLong(String.valueOf(id));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("This link is not complete.");
    }
    return digests
        .subscriptions()
        .forManageLink(s, token)
        .orElseThrow(() -> new BadRequestResponse("This link is not complete or not valid."));
  }

  private static Subscriptions.Choices choices(Context ctx) {
    Subscription.Frequency frequency =
        "weekly".equals(ctx.formParam("frequency"))
            ? Subscription.Frequency.WEEKLY
            : Subscription.Frequency.DAILY;
    Subscription.Kind kind =
        switch (Forms.field(ctx, "kind")) {
          case "topics" -> Subscription.Kind.TOPICS;
          case "for_you" -> Subscription.Kind.FOR_YOU;
          default -> Subscription.Kind.TRENDING;
        };
    return new Subscriptions.Choices(
        frequency,
        kind,
        split(Forms.field(ctx, "keywords"), "\n"),
        split(Forms.field(ctx, "categories"), "[,\\s]+"),
        split(Forms.field(ctx, "authors"), "\n"));
  }

  private static List<String> split(String text, String separator) {
    return Arrays.stream(text.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static long longParam(Context ctx, String name) {
    try {
      return Long.parseLong(String.valueOf(ctx.queryParam(name)));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("This link is not complete.");
    }
  }

  private void message(Context ctx, String title, String text, String href, String linkText) {
    templates.page(ctx, "message.jte", new MessageView(title, text, href, linkText));
  }
}
