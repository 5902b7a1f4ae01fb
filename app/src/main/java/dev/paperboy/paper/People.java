package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authors and organisations as the papers name them: an author is everyone whose written name folds
 * to one {@link AuthorKey}, an organisation a Hugging Face handle. Hidden papers count for neither.
 * Lists of people are counted over at most {@link #SAMPLE} papers (the latest by id), so a
 * collaboration of thousands costs the same as anyone else.
 */
public final class People {

  /** An author: their key, the way their name is most often written, their visible papers. */
  public record Author(String key, String name, int papers) {}

  /** An organisation and how many visible papers it claims (or shares with an author). */
  public record Org(Organization organization, int papers) {}

  /** Papers a list of co-authors, organisations or members is counted over. */
  static final int SAMPLE = 1000;

  private static final String OF_AUTHOR =
      "SELECT a.paper_id FROM paper_authors a JOIN papers p ON p.id = a.paper_id WHERE a.author_key"
          + " = ? AND p."
          + PaperStore.VISIBLE;

  private static final String NEWEST_FIRST = "COALESCE(published, daily_date) DESC, id DESC";

  private static final String BY_DAY =
      "daily_date IS NULL, daily_date DESC, (upvotes + local_upvotes) DESC, id DESC";

  private final Database db;

  public People(Database db) {
    this.db = db;
  }

  /** The author whose names fold to {@code key}, if any visible paper lists them. */
  public Optional<Author> author(String key) {
    long papers =
        db.read(
            c -> Sql.count(c, "SELECT COUNT(DISTINCT paper_id) FROM (" + OF_AUTHOR + ") x", key));
    return papers == 0
        ? Optional.empty()
        : Optional.of(new Author(key, names(List.of(key)).get(key), (int) papers));
  }

  /** A page of the author's papers, newest first. */
  public List<Paper> papersBy(String key, int offset, int limit) {
    return papers("id IN (" + OF_AUTHOR + ")", NEWEST_FIRST, key, offset, limit);
  }

  /** Who wrote with the author most often, most papers first, ties by key. */
  public List<Author> coauthors(String key, int limit) {
    return authors(
        "SELECT author_key, COUNT(DISTINCT paper_id) AS n FROM paper_authors WHERE paper_id IN ("
            + OF_AUTHOR
            + " ORDER BY a.paper_id DESC LIMIT "
            + SAMPLE
            + ") AND author_key <> ? GROUP BY author_key ORDER BY n DESC, author_key LIMIT ?",
        key,
        key,
        limit);
  }

  /** The organisations that claimed the author's papers, most papers first. */
  public List<Org> organizationsOf(String key, int limit) {
    return orgs("id IN (" + OF_AUTHOR + ")", " ORDER BY n DESC, org_name LIMIT ?", key, limit);
  }

  /** The organisation with this Hugging Face handle, if it claims a visible paper. */
  public Optional<Org> organization(String name) {
    return orgs("org_name = ?", "", name).stream().findFirst();
  }

  /** A page of the organisation's papers, the latest day first, each day by upvotes. */
  public List<Paper> papersOf(String org, int offset, int limit) {
    return papers("org_name = ?", BY_DAY, org, offset, limit);
  }

  /** The organisation's most upvoted papers. */
  public List<Paper> topPapersOf(String org, int limit) {
    return papers("org_name = ?", "(upvotes + local_upvotes) DESC, id DESC", org, 0, limit);
  }

  /** The authors of the organisation's papers, most papers first. */
  public List<Author> membersOf(String org, int limit) {
    return authors(
        "SELECT author_key, COUNT(DISTINCT paper_id) AS n FROM paper_authors WHERE paper_id IN"
            + " (SELECT id FROM papers WHERE org_name = ? AND "
            + PaperStore.VISIBLE
            + " ORDER BY id DESC LIMIT "
            + SAMPLE
            + ") GROUP BY author_key ORDER BY n DESC, author_key LIMIT ?",
        org,
        limit);
  }

  private List<Paper> papers(String where, String order, String value, int offset, int limit) {
    return db.read(
        c ->
            PaperStore.readAll(
                c,
                "SELECT "
                    + PaperStore.READ_COLUMNS
                    + " FROM papers WHERE "
                    + where
                    + " AND "
                    + PaperStore.VISIBLE
                    + " ORDER BY "
                    + order
                    + " LIMIT ? OFFSET ?",
                value,
                limit,
                offset));
  }

  private List<Org> orgs(String where, String tail, Object... params) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT org_name, MAX(org_fullname), MAX(org_avatar), COUNT(*) AS n FROM papers"
                    + " WHERE "
                    + where
                    + " AND org_name IS NOT NULL AND "
                    + PaperStore.VISIBLE
                    + " GROUP BY org_name"
                    + tail,
                rs ->
                    new Org(
                        new Organization(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getInt(4)),
                params));
  }

  /** Authors from a query of (key, papers) rows, each named as most often written. */
  private List<Author> authors(String sql, Object... params) {
    record Counted(String key, int papers) {}
    List<Counted> counted =
        db.read(c -> Sql.list(c, sql, rs -> new Counted(rs.getString(1), rs.getInt(2)), params));
    Map<String, String> names = names(counted.stream().map(Counted::key).toList());
    return counted.stream().map(a -> new Author(a.key(), names.get(a.key()), a.papers())).toList();
  }

  /**
   * The written form of each key that most papers use; on a tie the one with more letters beyond
   * ASCII ("Müller" before "Muller": accents get lost more often than added), then by text.
   */
  private Map<String, String> names(List<String> keys) {
    Map<String, String> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    record Form(String key, String name, int uses) {}
    String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
    List<Form> forms =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT author_key, name, COUNT(*) FROM paper_authors WHERE author_key IN ("
                        + marks
                        + ") GROUP BY author_key, name",
                    rs -> new Form(rs.getString(1), rs.getString(2), rs.getInt(3)),
                    keys.toArray()));
    Comparator<Form> better =
        Comparator.comparingInt(Form::uses)
            .thenComparingLong(f -> f.name().chars().filter(ch -> ch > 127).count())
            .reversed()
            .thenComparing(Form::name);
    forms.stream().sorted(better).forEach(f -> out.putIfAbsent(f.key(), f.name()));
    return out;
  }
}
