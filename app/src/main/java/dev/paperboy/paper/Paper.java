package dev.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One paper as Paperboy stores it, whichever source it came from.
 *
 * <p>{@code id} is the versionless arXiv id; {@code dailyDate} is the Daily Papers day the paper
 * belongs to. Optional values are {@code null}; lists are never null. {@code upvotes} and {@code
 * numComments} are the counts imported from Hugging Face; {@code community} is what this Paperboy's
 * own users did, and {@link #totalUpvotes()} is what feeds rank by. {@code thumbnail} is the
 * source's address of a preview image (Hugging Face's social thumbnail), never shown as is: pages
 * show the copy a node keeps in its own cache.
 */
public record Paper(
    String id,
    int version,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    Instant published,
    Instant updated,
    LocalDate dailyDate,
    long upvotes,
    long numComments,
    Organization organization,
    String githubRepo,
    Long githubStars,
    String projectPage,
    String thumbnail,
    String aiSummary,
    List<String> aiKeywords,
    String comment,
    String journalRef,
    String doi,
    String submittedBy,
    Set<Source> sources,
    Community community,
    boolean withdrawn) {

  /**
   * This Paperboy's own standing of the paper: votes and visible comments cast here, and whether a
   * moderator hid it. Imports never carry any; the community package maintains it.
   */
  public record Community(long upvotes, long comments, boolean hidden) {
    public static final Community NONE = new Community(0, 0, false);
  }

  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    abstractText = abstractText == null ? "" : abstractText;
    authors = List.copyOf(authors == null ? List.of() : authors);
    categories = List.copyOf(categories == null ? List.of() : categories);
    aiKeywords = List.copyOf(aiKeywords == null ? List.of() : aiKeywords);
    sources = sources == null || sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
    community = community == null ? Community.NONE : community;
  }

  /** Imported Hugging Face upvotes plus the votes cast here: what feeds and trending rank by. */
  public long totalUpvotes() {
    return upvotes + community.upvotes();
  }

  /** Imported Hugging Face comments plus the visible comments written here. */
  public long totalComments() {
    return numComments + community.comments();
  }

  public boolean hidden() {
    return community.hidden();
  }

  /**
   * The paper as a local submission puts it on the feed: on {@code day}, submitted by {@code
   * submitter}. Merged into the stored record, the submission day outranks a listing day.
   */
  public Paper submittedOn(LocalDate day, String submitter) {
    EnumSet<Source> withSubmission = EnumSet.of(Source.SUBMISSION);
    withSubmission.addAll(sources);
    return copy(day, submitter, withSubmission, thumbnail);
  }

  /**
   * A paper as an arXiv record describes it: bibliographic fields only, no upvotes, links or
   * summaries (those come from Hugging Face and the community).
   */
  public static Paper fromArxiv(
      String id,
      int version,
      String title,
      String abstractText,
      List<String> authors,
      List<String> categories,
      Instant published,
      Instant updated,
      LocalDate dailyDate,
      String comment,
      String journalRef,
      String doi,
      Source source,
      boolean withdrawn) {
    return new Paper(
        id,
        version,
        title,
        abstractText,
        authors,
        categories,
        published,
        updated,
        dailyDate,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        comment,
        journalRef,
        doi,
        null,
        Set.of(source),
        Community.NONE,
        withdrawn);
  }

  /**
   * The paper with what it lacks taken from arXiv's record of it: categories, abstract, authors,
   * dates, version, comments, journal reference and DOI, each only where this one has none. What it
   * has stays as it is, from the title to the upvotes, organisation, links and AI summary; arXiv's
   * withdrawal mark is kept, as no other source knows of one.
   */
  public Paper filledFrom(Paper arxiv) {
    if (!id.equals(arxiv.id)) {
      throw new IllegalArgumentException("cannot fill " + id + " from " + arxiv.id);
    }
    EnumSet<Source> withArxiv = EnumSet.noneOf(Source.class);
    withArxiv.addAll(sources);
    withArxiv.addAll(arxiv.sources);
    return new Paper(
        id,
        version == 0 ? arxiv.version : version,
        title,
        abstractText.isBlank() ? arxiv.abstractText : abstractText,
        authors.isEmpty() ? arxiv.authors : authors,
        categories.isEmpty() ? arxiv.categories : categories,
        pick(published, arxiv.published),
        pick(updated, arxiv.updated),
        dailyDate,
        upvotes,
        numComments,
        organization,
        githubRepo,
        githubStars,
        projectPage,
        thumbnail,
        aiSummary,
        aiKeywords,
        pick(comment, arxiv.comment),
        pick(journalRef, arxiv.journalRef),
        pick(doi, arxiv.doi),
        submittedBy,
        withArxiv,
        community,
        withdrawn || arxiv.withdrawn);
  }

  /** The paper with this thumbnail address (a source's preview image). */
  public Paper withThumbnail(String url) {
    return copy(dailyDate, submittedBy, sources, url);
  }

  /** The paper on another Daily Papers day (a harvest's listing day). */
  public Paper onDay(LocalDate day) {
    return copy(day, submittedBy, sources, thumbnail);
  }

  /** The paper with these dates and counts (an importer's corrections of implausible ones). */
  public Paper withDatesAndCounts(
      Instant published, Instant updated, long upvotes, long numComments, Long githubStars) {
    return copy(
        published,
        updated,
        dailyDate,
        upvotes,
        numComments,
        githubStars,
        submittedBy,
        sources,
        thumbnail);
  }

  private Paper copy(
      LocalDate day, String submitter, Set<Source> withSources, String thumbnailUrl) {
    return copy(
        published,
        updated,
        day,
        upvotes,
        numComments,
        githubStars,
        submitter,
        withSources,
        thumbnailUrl);
  }

  private Paper copy(
      Instant published,
      Instant updated,
      LocalDate day,
      long upvotes,
      long numComments,
      Long githubStars,
      String submitter,
      Set<Source> withSources,
      String thumbnail) {
    return new Paper(
        id,
        version,
        title,
        abstractText,
        authors,
        categories,
        published,
        updated,
        day,
        upvotes,
        numComments,
        organization,
        githubRepo,
        githubStars,
        projectPage,
        thumbnail,
        aiSummary,
        aiKeywords,
        comment,
        journalRef,
        doi,
        submitter,
        withSources,
        community,
        withdrawn);
  }

  /** True when a person put the paper on a Daily Papers day (on Hugging Face or here). */
  public boolean submitted() {
    return sources.stream().anyMatch(Source::isSubmission);
  }

  public String primaryCategory() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  public String absUrl() {
    return "https://arxiv.org/abs/" + id;
  }

  public String pdfUrl() {
    return "https://arxiv.org/pdf/" + id;
  }

  /**
   * Folds another record for the same paper into this one. The result does not depend on the order
   * records arrive in, so re-importing the same input changes nothing:
   *
   * <ul>
   *   <li>bibliographic fields (title, abstract, authors, categories, comments) come from the
   *       record with the higher arXiv version, then the later {@code updated} date; on a tie the
   *       stored record stays;
   *   <li>absent values never erase present ones;
   *   <li>the Daily Papers day is the earliest submission day (Hugging Face's or a local one) when
   *       a person submitted the paper, else the earliest listing day; the publication date is the
   *       earliest seen, {@code updated} the latest;
   *   <li>upvotes, comment count and GitHub stars are the highest seen (they only grow at the
   *       source), and only sources that carry them count;
   *   <li>organisation, links, thumbnail and AI summary keep the first value seen, so a source
   *       without a thumbnail (arXiv) never drops a known one;
   *   <li>the community state is this paper's as stored (imports carry none);
   *   <li>withdrawn follows the bibliographic record: a later version can withdraw the paper.
   * </ul>
   */
  public Paper mergedWith(Paper in) {
    if (!id.equals(in.id)) {
      throw new IllegalArgumentException("cannot merge " + in.id + " into " + id);
    }
    int order = Integer.compare(in.version, version);
    if (order == 0) {
      order = compareNullsFirst(in.updated, updated);
    }
    Paper bib = order > 0 ? in : this;
    Paper old = order > 0 ? this : in;
    EnumSet<Source> allSources = EnumSet.noneOf(Source.class);
    allSources.addAll(sources);
    allSources.addAll(in.sources);
    boolean counts = in.sources.stream().anyMatch(Source::carriesCommunityCounts);
    return new Paper(
        id,
        Math.max(version, in.version),
        pick(bib.title, old.title),
        pick(blankToNull(bib.abstractText), old.abstractText),
        bib.authors.isEmpty() ? old.authors : bib.authors,
        bib.categories.isEmpty() ? old.categories : bib.categories,
        earliest(published, in.published),
        latest(updated, in.updated),
        submitted() == in.submitted()
            ? earliest(dailyDate, in.dailyDate)
            : submitted() ? dailyDate : in.dailyDate,
        counts ? Math.max(upvotes, in.upvotes) : upvotes,
        counts ? Math.max(numComments, in.numComments) : numComments,
        pick(organization, in.organization),
        pick(githubRepo, in.githubRepo),
        highest(githubStars, in.githubStars),
        pick(projectPage, in.projectPage),
        pick(thumbnail, in.thumbnail),
        pick(aiSummary, in.aiSummary),
        aiKeywords.isEmpty() ? in.aiKeywords : aiKeywords,
        pick(bib.comment, old.comment),
        pick(bib.journalRef, old.journalRef),
        pick(bib.doi, old.doi),
        pick(submittedBy, in.submittedBy),
        allSources,
        community.equals(Community.NONE) ? in.community : community,
        bib.withdrawn);
  }

  private static Long highest(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  private static <T extends Comparable<? super T>> int compareNullsFirst(T a, T b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static <T extends Comparable<? super T>> T earliest(T a, T b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static <T extends Comparable<? super T>> T latest(T a, T b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
