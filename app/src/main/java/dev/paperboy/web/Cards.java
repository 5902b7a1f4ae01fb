package dev.paperboy.web;

import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Feedback;
import dev.paperboy.community.Submissions.Submission;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import dev.paperboy.thumbnail.Thumbnails;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns papers into cards for one viewer: their votes and each paper's submitter, in two queries.
 */
final class Cards {

  /** A search hit's marked title and excerpt; {@code byMeaning}: no word of the query matched. */
  record Highlight(String titleHtml, String excerptHtml, boolean byMeaning) {}

  /** Who put a paper on the feed, where their profile is (if local) and when; all may be null. */
  record Byline(String submitter, String href, String when) {}

  private final CommunityServices community;
  private final Thumbnails thumbnails;
  private final Clock clock;

  Cards(CommunityServices community, Thumbnails thumbnails, Clock clock) {
    this.community = community;
    this.thumbnails = thumbnails;
    this.clock = clock;
  }

  List<CardView> of(Viewer viewer, List<Paper> papers) {
    return of(viewer, papers, Map.of());
  }

  /** Cards with the given search highlights, keyed by paper id. */
  List<CardView> of(Viewer viewer, List<Paper> papers, Map<String, Highlight> highlights) {
    List<String> ids = papers.stream().map(Paper::id).toList();
    Set<String> voted = community.votes().votedBy(viewer.user(), ids);
    Map<String, Submission> submitted = community.submissions().forPapers(ids);
    Map<String, Feedback.State> marks = community.feedback().of(viewer.user(), ids);
    List<CardView> out = new ArrayList<>(papers.size());
    for (Paper p : papers) {
      Highlight h = highlights.getOrDefault(p.id(), new Highlight(null, null, false));
      Byline b = byline(p, submitted.get(p.id()));
      out.add(
          CardView.of(
              p,
              h.titleHtml(),
              h.excerptHtml(),
              voted.contains(p.id()),
              b.submitter(),
              b.href(),
              b.when(),
              h.byMeaning(),
              thumbnailHref(p.id()),
              viewer.signedIn(),
              marks.getOrDefault(p.id(), Feedback.State.NONE)));
    }
    return out;
  }

  /** This Paperboy's address of the paper's cached image, or null when it has none. */
  String thumbnailHref(String id) {
    return ThumbnailRoutes.href(thumbnails, id);
  }

  /** A local submission names its user; a Hugging Face one the HF user and the day. */
  Byline byline(Paper p, Submission s) {
    if (s != null) {
      return new Byline(
          s.byline(),
          s.userId() == null ? null : "/users/" + s.userId(),
          Format.ago(s.submittedAt(), clock.instant()));
    }
    return new Byline(
        p.submittedBy(),
        null,
        p.submittedBy() != null && p.dailyDate() != null ? "on " + Dates.day(p.dailyDate()) : null);
  }
}
