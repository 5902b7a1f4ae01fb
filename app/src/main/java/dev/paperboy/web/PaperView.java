package dev.paperboy.web;

import dev.paperboy.cite.BibTex;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The paper page: everything known about one paper, plus its Highwire citation tags and its BibTeX
 * entry for the "Cite" control.
 */
public record PaperView(
    Paper paper,
    String title,
    RichText heading,
    RichText abstractBody,
    RichText summary,
    String versionedId,
    String published,
    String updated,
    String dailyHref,
    String dailyLabel,
    NameLink organization,
    List<NameLink> authors,
    String stars,
    List<String> citationAuthors,
    String citationDate,
    List<CardView> similar,
    Discussion discussion,
    Preview preview,
    String bibtex) {

  /**
   * What this Paperboy's people add to the page: the viewer's vote, who submitted the paper, the
   * comment thread, the viewer's collections, and a comment that failed to post (error and draft).
   */
  public record Discussion(
      boolean upvoted,
      String submitter,
      String submitterHref,
      String submittedWhen,
      List<CommentView> comments,
      List<CollectionChoice> collections,
      String commentError,
      String commentDraft) {}

  /** One comment in the thread, ready to show; {@code html} is null for a placeholder. */
  public record CommentView(
      long id,
      int depth,
      String author,
      String authorHref,
      String when,
      boolean edited,
      String html,
      String source,
      boolean mine,
      boolean moderator,
      boolean hidden) {

    /** Indentation stops growing after a few levels so deep threads stay readable. */
    public String cssClass() {
      return "comment depth-" + Math.min(depth, 6) + (hidden ? " hidden" : "");
    }
  }

  /** One of the viewer's collections and whether it holds this paper. */
  public record CollectionChoice(long id, String name, boolean holds) {}

  private static final DateTimeFormatter CITATION_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

  /** True when the title, abstract, summary or a similar paper's card has a formula. */
  public boolean hasMath() {
    return heading.math() || abstractBody.math() || summary.math() || CardView.anyMath(similar);
  }

  /** The abstract without markup, for the description and citation tags. */
  public String plainAbstract() {
    return RichText.plain(paper.abstractText());
  }

  public CardView.Comments comments() {
    return CardView.Comments.of(paper);
  }

  static PaperView of(Paper p, List<CardView> similar, Discussion discussion, Preview preview) {
    String citationDate =
        p.published() != null
            ? CITATION_DATE.format(p.published().atZone(ZoneOffset.UTC))
            : p.dailyDate() != null ? CITATION_DATE.format(p.dailyDate()) : null;
    return new PaperView(
        p,
        p.title(),
        RichText.of(p.title()),
        RichText.of(p.abstractText()),
        RichText.of(p.aiSummary()),
        p.version() > 0 ? p.id() + "v" + p.version() : p.id(),
        p.published() == null ? null : Dates.day(p.published()),
        p.updated() == null || p.updated().equals(p.published()) ? null : Dates.day(p.updated()),
        p.dailyDate() == null ? null : "/papers/date/" + p.dailyDate(),
        p.dailyDate() == null ? null : Dates.day(p.dailyDate()),
        p.organization() == null ? null : NameLink.org(p.organization()),
        p.authors().stream().map(NameLink::author).toList(),
        p.githubStars() == null ? null : Format.compact(p.githubStars()),
        p.authors(),
        citationDate,
        similar,
        discussion,
        preview,
        BibTex.of(p));
  }
}
