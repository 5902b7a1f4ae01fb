package dev.paperboy.web;

import dev.paperboy.community.Feedback;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import java.util.List;

/**
 * What a paper card shows, already formatted; {@code heading} and {@code excerpt} are the title and
 * the start of the abstract (or their search highlights) rendered. Optional parts are null.
 */
public record CardView(
    String id,
    String href,
    String title,
    RichText heading,
    RichText excerpt,
    String authorCount,
    String authorsShort,
    List<NameLink> authorsShown,
    boolean moreAuthors,
    NameLink organization,
    String published,
    String publishedIso,
    long upvotes,
    Comments comments,
    String githubRepo,
    String stars,
    boolean upvoted,
    String submitter,
    String submitterHref,
    String submittedWhen,
    boolean withdrawn,
    boolean byMeaning,
    String thumbnailHref,
    String initials,
    boolean signedIn,
    boolean read,
    boolean saved,
    List<ReasonView> reasons) {

  /**
   * Comments written here and on Hugging Face, counted apart: an imported count heads no thread on
   * this site, so it links to the thread where those comments are.
   */
  public record Comments(long here, long onHuggingFace, String huggingFaceHref) {

    static Comments of(Paper p) {
      return new Comments(
          p.community().comments(),
          p.numComments(),
          p.numComments() > 0 ? "https://huggingface.co/papers/" + p.id() : null);
    }

    public String hereLabel() {
      return Format.plural(here, "comment", "comments");
    }

    public String huggingFaceLabel() {
      return onHuggingFace + " on Hugging Face";
    }
  }

  /** True when the card has a formula, so its page loads KaTeX. */
  public boolean math() {
    return heading.math() || excerpt.math();
  }

  /** True when any card in the lists has a formula. */
  @SafeVarargs
  static boolean anyMath(List<CardView>... lists) {
    for (List<CardView> cards : lists) {
      if (cards.stream().anyMatch(CardView::math)) {
        return true;
      }
    }
    return false;
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
      String thumbnailHref,
      boolean signedIn,
      Feedback.State marks) {
    List<String> authors = p.authors();
    List<String> shown = authors.subList(0, Math.min(SHOWN_AUTHORS, authors.size()));
    String shortList = String.join(", ", shown);
    if (authors.size() > SHOWN_AUTHORS) {
      shortList += " et al.";
    }
    return new CardView(
        p.id(),
        "/papers/" + p.id(),
        p.title(),
        titleHtml != null ? RichText.highlighted(titleHtml) : RichText.of(p.title()),
        excerptHtml != null
            ? RichText.highlighted(excerptHtml)
            : RichText.excerpt(p.abstractText(), EXCERPT_CHARS),
        authors.isEmpty() ? null : Format.plural(authors.size(), "author", "authors"),
        authors.isEmpty() ? null : shortList,
        shown.stream().map(NameLink::author).toList(),
        authors.size() > SHOWN_AUTHORS,
        p.organization() == null ? null : NameLink.org(p.organization()),
        p.published() != null ? Dates.day(p.published()) : Dates.day(p.dailyDate()),
        p.published() != null
            ? p.published().toString()
            : p.dailyDate() == null ? null : p.dailyDate().toString(),
        p.totalUpvotes(),
        Comments.of(p),
        p.githubRepo(),
        p.githubStars() == null ? null : Format.compact(p.githubStars()),
        upvoted,
        submitter,
        submitterHref,
        submittedWhen,
        p.withdrawn(),
        byMeaning,
        thumbnailHref,
        Format.initials(p.title()),
        signedIn,
        marks.read(),
        marks.saved(),
        List.of());
  }

  /** The same card saying why it is in the reader's "For you". */
  CardView withReasons(List<ReasonView> why) {
    return new CardView(
        id,
        href,
        title,
        heading,
        excerpt,
        authorCount,
        authorsShort,
        authorsShown,
        moreAuthors,
        organization,
        published,
        publishedIso,
        upvotes,
        comments,
        githubRepo,
        stars,
        upvoted,
        submitter,
        submitterHref,
        submittedWhen,
        withdrawn,
        byMeaning,
        thumbnailHref,
        initials,
        signedIn,
        read,
        saved,
        why);
  }
}
