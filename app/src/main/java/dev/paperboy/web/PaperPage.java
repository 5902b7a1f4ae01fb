package dev.paperboy.web;

import dev.paperboy.community.Comments;
import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Submissions.Submission;
import dev.paperboy.community.User;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.SearchService;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The paper page: the paper, its similar papers and its discussion, for one viewer. */
final class PaperPage {

  static final int SIMILAR = 6;

  private final PaperStore papers;
  private final SearchService search;
  private final CommunityServices community;
  private final Templates templates;
  private final Cards cards;
  private final Clock clock;
  private final Site site;

  PaperPage(
      PaperStore papers,
      SearchService search,
      CommunityServices community,
      Templates templates,
      Cards cards,
      Clock clock,
      Site site) {
    this.papers = papers;
    this.search = search;
    this.community = community;
    this.templates = templates;
    this.cards = cards;
    this.clock = clock;
    this.site = site;
  }

  /**
   * A paper the viewer may see: hidden ones exist only for admins. One not stored at all is offered
   * for fetching from arXiv.
   */
  Paper visible(Context ctx, String id) {
    Paper paper = papers.find(id).orElseThrow(() -> new NotStoredResponse(id));
    if (paper.hidden() && !SessionGate.viewer(ctx).isAdmin()) {
      throw new NotFoundResponse("No paper " + id + " in this Paperboy.");
    }
    return paper;
  }

  void render(Context ctx, String id, String commentError, String commentDraft) {
    ctx.html(html(ctx, id, commentError, commentDraft));
  }

  /** The paper's page for the request's viewer. */
  String html(Context ctx, String id, String commentError, String commentDraft) {
    Paper paper = visible(ctx, id);
    Viewer viewer = SessionGate.viewer(ctx);
    List<Paper> similarPapers =
        papers.findAll(search.similar(id, SIMILAR)).stream().filter(p -> !p.hidden()).toList();
    return templates.render(
        "paper.jte",
        viewer,
        PaperView.of(
            paper,
            cards.of(viewer, similarPapers),
            discussion(paper, viewer, commentError, commentDraft),
            site.preview(
                paper.title(),
                paper.abstractText(),
                "/papers/" + paper.id(),
                cards.thumbnailHref(paper.id()),
                "article")));
  }

  private PaperView.Discussion discussion(
      Paper paper, Viewer viewer, String commentError, String commentDraft) {
    User user = viewer.user();
    Submission s = community.submissions().forPapers(List.of(paper.id())).get(paper.id());
    List<PaperView.CollectionChoice> choices = List.of();
    if (user != null) {
      Set<Long> holding = new HashSet<>(community.collections().holding(user, paper.id()));
      choices =
          community.collections().ofUser(user.id(), user).stream()
              .map(k -> new PaperView.CollectionChoice(k.id(), k.name(), holding.contains(k.id())))
              .toList();
    }
    Cards.Byline byline = cards.byline(paper, s);
    return new PaperView.Discussion(
        !community.votes().votedBy(user, List.of(paper.id())).isEmpty(),
        byline.submitter(),
        byline.href(),
        byline.when(),
        community.comments().thread(paper.id(), user).stream()
            .map(placed -> comment(placed, user))
            .toList(),
        choices,
        commentError,
        commentDraft);
  }

  private PaperView.CommentView comment(Comments.Placed placed, User viewer) {
    Comments.Comment c = placed.comment();
    boolean mine = viewer != null && c.authorId() != null && c.authorId() == viewer.id();
    return new PaperView.CommentView(
        c.id(),
        placed.depth(),
        c.deleted() ? null : c.authorName() != null ? c.authorName() : "a deleted account",
        c.deleted() || c.authorId() == null ? null : "/users/" + c.authorId(),
        Format.ago(c.createdAt(), clock.instant()),
        c.editedAt() != null,
        placed.html(),
        mine && c.visible() ? c.body() : null,
        mine && c.visible(),
        viewer != null && viewer.isAdmin(),
        c.hidden());
  }
}
