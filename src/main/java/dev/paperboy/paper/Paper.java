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
 * belongs to. Optional values are {@code null}; lists are never null.
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
    int upvotes,
    int numComments,
    Organization organization,
    String githubRepo,
    Integer githubStars,
    String projectPage,
    String aiSummary,
    List<String> aiKeywords,
    String comment,
    String journalRef,
    String doi,
    String submittedBy,
    Set<Source> sources) {

  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    abstractText = abstractText == null ? "" : abstractText;
    authors = List.copyOf(authors == null ? List.of() : authors);
    categories = List.copyOf(categories == null ? List.of() : categories);
    aiKeywords = List.copyOf(aiKeywords == null ? List.of() : aiKeywords);
    sources = sources == null || sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
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
   * Folds a newer record for the same paper into this one.
   *
   * <p>Bibliographic fields come from whichever record has the higher arXiv version (the incoming
   * one on a tie), absent values never erase present ones, the Daily Papers day is the earliest
   * seen, and community counts (upvotes, comments) are taken only from sources that carry them.
   */
  public Paper mergedWith(Paper in) {
    if (!id.equals(in.id)) {
      throw new IllegalArgumentException("cannot merge " + in.id + " into " + id);
    }
    boolean newer = in.version >= version || in.version == 0 && version == 0;
    Paper bib = newer ? in : this;
    Paper old = newer ? this : in;
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
        earliest(dailyDate, in.dailyDate),
        counts ? in.upvotes : upvotes,
        counts ? in.numComments : numComments,
        pick(in.organization, organization),
        pick(in.githubRepo, githubRepo),
        pick(in.githubStars, githubStars),
        pick(in.projectPage, projectPage),
        pick(in.aiSummary, aiSummary),
        in.aiKeywords.isEmpty() ? aiKeywords : in.aiKeywords,
        pick(bib.comment, old.comment),
        pick(bib.journalRef, old.journalRef),
        pick(bib.doi, old.doi),
        pick(submittedBy, in.submittedBy),
        allSources);
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
