package dev.paperboy.web;

import dev.paperboy.community.Feedback;
import dev.paperboy.community.Follows;
import dev.paperboy.community.User;
import dev.paperboy.paper.PaperStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a reader tells "For you": follow and unfollow, and mark papers hidden, read or saved. Every
 * change is a form post that goes back to the page it came from.
 */
final class FollowRoutes {

  static final int SAVED_SHOWN = 200;

  private final Follows follows;
  private final Feedback feedback;
  private final PaperStore papers;
  private final Templates templates;
  private final Cards cards;

  FollowRoutes(
      Follows follows, Feedback feedback, PaperStore papers, Templates templates, Cards cards) {
    this.follows = follows;
    this.feedback = feedback;
    this.papers = papers;
    this.templates = templates;
    this.cards = cards;
  }

  void register(Javalin app) {
    app.post("/follows", this::follow);
    app.post("/follows/remove", this::unfollow);
    app.get("/following", this::following);
    app.post("/papers/<id>/mark", this::mark);
    app.get("/saved", this::saved);
  }

  /** What the mark answer tells scripts. */
  record MarkJson(String id, boolean hidden, boolean read, boolean saved) {}

  private void follow(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    follows.follow(
        user,
        Follows.Kind.parse(Forms.field(ctx, "kind")),
        Forms.field(ctx, "key"),
        Forms.field(ctx, "label"));
    Forms.redirectBack(ctx, "/following");
  }

  private void unfollow(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    follows.unfollow(user, Follows.Kind.parse(Forms.field(ctx, "kind")), Forms.field(ctx, "key"));
    Forms.redirectBack(ctx, "/following");
  }

  private void mark(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    User user = SessionGate.requireUser(ctx);
    boolean on = !"0".equals(ctx.formParam("on"));
    Feedback.State s = feedback.set(user, id, Feedback.Mark.parse(Forms.field(ctx, "mark")), on);
    if (Forms.wantsJson(ctx)) {
      ApiJson.send(ctx, new MarkJson(id, s.hidden(), s.read(), s.saved()));
    } else {
      Forms.redirectBack(ctx, "/papers/" + id);
    }
  }

  private void following(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    List<FollowingView.Row> rows =
        follows.of(user.id()).stream()
            .map(
                f ->
                    new FollowingView.Row(
                        kindLabel(f.kind()),
                        f.label(),
                        href(f),
                        new FollowButton(f.kind().key(), f.key(), f.label(), f.label(), true)))
            .toList();
    templates.page(ctx, "following.jte", new FollowingView(rows, Follows.MAX));
  }

  private void saved(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    List<String> ids = feedback.marked(user.id(), Feedback.Mark.SAVED, SAVED_SHOWN);
    templates.page(
        ctx, "saved.jte", new SavedView(cards.of(SessionGate.viewer(ctx), papers.findAll(ids))));
  }

  private static String kindLabel(Follows.Kind kind) {
    return switch (kind) {
      case AUTHOR -> "Author";
      case ORGANIZATION -> "Organisation";
      case CATEGORY -> "Category";
      case TOPIC -> "Topic";
    };
  }

  private static String href(Follows.Follow f) {
    String key = URLEncoder.encode(f.key(), StandardCharsets.UTF_8);
    return switch (f.kind()) {
      case AUTHOR -> NameLink.authorHref(f.key());
      case ORGANIZATION -> NameLink.orgHref(f.key());
      case CATEGORY -> "/search?cat=" + key;
      case TOPIC -> "/search?q=" + key;
    };
  }
}
