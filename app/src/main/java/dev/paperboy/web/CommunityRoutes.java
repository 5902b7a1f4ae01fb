package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.community.Refusal;
import dev.paperboy.community.Submissions;
import dev.paperboy.community.User;
import dev.paperboy.community.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.PaperStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** What signed-in people do: vote, submit papers, comment, and keep collections. */
final class CommunityRoutes {

  private final CommunityServices community;
  private final PaperStore papers;
  private final PaperPage paperPage;
  private final Templates templates;
  private final Cards cards;

  CommunityRoutes(
      CommunityServices community,
      PaperStore papers,
      PaperPage paperPage,
      Templates templates,
      Cards cards) {
    this.community = community;
    this.papers = papers;
    this.paperPage = paperPage;
    this.templates = templates;
    this.cards = cards;
  }

  void register(Javalin app) {
    app.post("/papers/<id>/vote", this::vote);
    app.get("/submit", ctx -> submitForm(ctx, prefilled(ctx), "", null));
    app.post("/submit", this::submit);
    app.get("/submit/requests/{request}", this::submitRequest);
    app.post("/papers/<id>/fetch", this::fetch);
    app.post("/papers/<id>/comments", this::comment);
    app.post("/comments/{comment}/edit", this::editComment);
    app.post("/comments/{comment}/delete", this::deleteComment);
    app.post("/collections", this::createCollection);
    app.get("/collections/{collection}", ctx -> collectionPage(ctx, null));
    app.post("/collections/{collection}/edit", this::editCollection);
    app.post("/collections/{collection}/delete", this::deleteCollection);
    app.post("/collections/{collection}/papers", this::addToCollection);
    app.post("/collections/{collection}/papers/<id>/remove", this::removeFromCollection);
  }

  /** One record for the vote answer scripts read. */
  record VoteJson(String id, boolean upvoted, long upvotes) {}

  private void vote(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    User user = SessionGate.requireUser(ctx);
    Votes.Toggled t = community.votes().toggle(user, id);
    if (Forms.wantsJson(ctx)) {
      ApiJson.send(ctx, new VoteJson(id, t.upvoted(), t.upvotes()));
    } else {
      Forms.redirectBack(ctx, "/papers/" + id);
    }
  }

  private void submitForm(Context ctx, String arxiv, String comment, String error) {
    SessionGate.requireUser(ctx);
    Submissions.Rules rules = community.submissions().rules();
    templates.page(
        ctx,
        "submit.jte",
        new SubmitView(arxiv, comment, rules.maxAgeDays(), rules.perUserPerDay(), error, null));
  }

  private void submit(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    String arxiv = Forms.field(ctx, "arxiv");
    String comment = Forms.field(ctx, "comment");
    try {
      pendingOrPaper(ctx, community.submissions().submit(user, arxiv, comment));
    } catch (Refusal r) {
      AccountRoutes.refused(ctx, r);
      submitForm(ctx, arxiv, comment, r.getMessage());
    }
  }

  /** The id a link to the form names ({@code /submit?arxiv=2608.12345}), when it is one. */
  private static String prefilled(Context ctx) {
    return ArxivId.parse(ctx.queryParam("arxiv")).map(ArxivId::versioned).orElse("");
  }

  /**
   * Stores a paper from arXiv that someone looked for here: its page at once when it is stored,
   * else the waiting page a submission has, which opens the paper once the worker fetched it.
   */
  private void fetch(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    User user = SessionGate.requireUser(ctx);
    pendingOrPaper(ctx, community.submissions().fetch(user, id));
  }

  private void pendingOrPaper(Context ctx, Submissions.Outcome outcome) {
    switch (outcome) {
      case Submissions.Outcome.Accepted a -> Forms.redirect(ctx, "/papers/" + a.paper().id());
      case Submissions.Outcome.Pending p -> {
        community.submissionWorker().wake();
        Forms.redirect(ctx, "/submit/requests/" + p.requestId());
      }
    }
  }

  /** A submission waiting for arXiv: refreshes itself until it is on the feed or refused. */
  private void submitRequest(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    long id = Forms.longPath(ctx, "request");
    Submissions.Request request =
        community
            .submissions()
            .request(id, user)
            .orElseThrow(() -> new NotFoundResponse("You have no submission " + id + "."));
    if (request.state() == Submissions.Request.State.ACCEPTED) {
      Forms.redirect(ctx, "/papers/" + request.paperId());
      return;
    }
    Submissions.Rules rules = community.submissions().rules();
    if (request.state() == Submissions.Request.State.REFUSED) {
      ctx.status(422);
    }
    templates.page(
        ctx,
        "submit.jte",
        new SubmitView(
            request.paperId(),
            "",
            rules.maxAgeDays(),
            rules.perUserPerDay(),
            request.message(),
            request.state() == Submissions.Request.State.PENDING ? request.paperId() : null));
  }

  private void comment(Context ctx) {
    String id = Params.arxivId(ctx, HttpStatus.NOT_FOUND);
    User user = SessionGate.requireUser(ctx);
    String body = Forms.field(ctx, "body");
    String parent = ctx.formParam("parent");
    try {
      Long parentId = parent == null || parent.isBlank() ? null : Long.valueOf(parent.strip());
      var posted = community.comments().post(user, id, parentId, body);
      Forms.redirect(ctx, "/papers/" + id + "#comment-" + posted.id());
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("The comment you reply to is gone.");
    } catch (Refusal r) {
      AccountRoutes.refused(ctx, r);
      paperPage.render(ctx, id, r.getMessage(), body);
    }
  }

  private void editComment(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    var edited =
        community.comments().edit(user, Forms.longPath(ctx, "comment"), Forms.field(ctx, "body"));
    Forms.redirect(ctx, "/papers/" + edited.paperId() + "#comment-" + edited.id());
  }

  private void deleteComment(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    community.comments().delete(user, Forms.longPath(ctx, "comment"));
    Forms.redirectBack(ctx, "/");
  }

  private void createCollection(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    PaperCollections.Collection k =
        community
            .collections()
            .create(
                user,
                Forms.field(ctx, "name"),
                Forms.field(ctx, "description"),
                !Forms.checked(ctx, "private"));
    String paper = ctx.formParam("paper");
    if (paper != null && !paper.isBlank()) {
      community.collections().add(user, k.id(), paper.strip());
    }
    Forms.redirectBack(ctx, k.href());
  }

  private void collectionPage(Context ctx, String error) {
    Viewer viewer = SessionGate.viewer(ctx);
    long id = Forms.longPath(ctx, "collection");
    PaperCollections.Collection k =
        community
            .collections()
            .find(id, viewer.user())
            .orElseThrow(() -> new NotFoundResponse("There is no collection " + id + "."));
    templates.page(
        ctx,
        "collection.jte",
        new CollectionView(
            k,
            viewer.signedIn() && viewer.user().id() == k.ownerId(),
            cards.of(
                viewer,
                papers.findAll(community.collections().paperIds(id)).stream()
                    .filter(p -> !p.hidden())
                    .toList()),
            error));
  }

  private void editCollection(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    try {
      PaperCollections.Collection k =
          community
              .collections()
              .update(
                  user,
                  Forms.longPath(ctx, "collection"),
                  Forms.field(ctx, "name"),
                  Forms.field(ctx, "description"),
                  !Forms.checked(ctx, "private"));
      Forms.redirect(ctx, k.href());
    } catch (Refusal r) {
      if (r.kind() != Refusal.Kind.INVALID && r.kind() != Refusal.Kind.CONFLICT) {
        throw r;
      }
      AccountRoutes.refused(ctx, r);
      collectionPage(ctx, r.getMessage());
    }
  }

  private void deleteCollection(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    community.collections().delete(user, Forms.longPath(ctx, "collection"));
    Forms.redirect(ctx, user.profileHref());
  }

  private void addToCollection(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    long id = Forms.longPath(ctx, "collection");
    community.collections().add(user, id, Forms.field(ctx, "paper").strip());
    Forms.redirectBack(ctx, "/collections/" + id);
  }

  private void removeFromCollection(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    long id = Forms.longPath(ctx, "collection");
    community.collections().remove(user, id, Params.arxivId(ctx, HttpStatus.NOT_FOUND));
    Forms.redirectBack(ctx, "/collections/" + id);
  }
}
