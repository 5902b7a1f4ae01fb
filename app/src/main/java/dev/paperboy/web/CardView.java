package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import java.util.List;

/** What a paper card shows, already formatted. Optional parts are null. */
public record CardView(
    String id,
    String href,
    String title,
    String excerpt,
    String authorCount,
    String authorsShort,
    String organization,
    String organizationAvatar,
    String published,
    long upvotes,
    long comments,
    String githubRepo,
    String stars,
    String titleHtml,
    String excerptHtml,
    boolean upvoted,
    String submitter,
    String submitterHref,
    String submittedWhen,
    boolean withdrawn,
    boolean byMeaning,
    String thumbnailHref,
    String initials) {

  public String commentsLabel() {
    return Format.plural(comments, "comment", "comments");
  }

  private static final int SHOWN_AUTHORS = 3;
  private static final int EXCERPT_CHARS = 280;

  /**
   * The card for a paper as one viewer sees it: {@code titleHtml} and {@code excerptHtml} are
   * search highlights (HTML Lucene's passage formatter built from escaped text with only {@code
   * <mark>} added, so safe to emit as is) or null; {@code submitter} and its link and time are null
   * when nobody submitted it; {@code thumbnailHref} is this Paperboy's address of the paper's
   * cached image, or null for a placeholder.
   */
  static CardView of(
      Paper p,
      String titleHtml,
      String excerptHtml,
      boolean upvoted,
      String submitter,
      String submitterHref,
      String submittedWhen,
      boolean byMeaning,
      String thumbnailHref) {
    List<String> authors = p.authors();
    String shortList =
        String.join(", ", authors.subList(0, Math.min(SHOWN_AUTHORS, authors.size())));
    if (authors.size() > SHOWN_AUTHORS) {
      shortList += " et al.";
    }
    return new CardView(
        p.id(),
        "/papers/" + p.id(),
        p.title(),
        Format.excerpt(p.abstractText(), EXCERPT_CHARS),
        authors.isEmpty() ? null : Format.plural(authors.size(), "author", "authors"),
        authors.isEmpty() ? null : shortList,
        p.organization() == null ? null : p.organization().displayName(),
        p.organization() == null ? null : p.organization().avatar(),
        p.published() != null ? Format.day(p.published()) : Format.day(p.dailyDate()),
        p.totalUpvotes(),
        p.totalComments(),
        p.githubRepo(),
        p.githubStars() == null ? null : Format.compact(p.githubStars()),
        titleHtml,
        excerptHtml,
        upvoted,
        submitter,
        submitterHref,
        submittedWhen,
        p.withdrawn(),
        byMeaning,
        thumbnailHref,
        Format.initials(p.title()));
  }
}
