package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Dialect;
import dev.paperboy.storage.Sql;
import dev.paperboy.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** All SQL about papers. Upserts are keyed on the versionless arXiv id. */
public final class PaperStore {

  /**
   * How a feed is ordered: an ORDER BY over the papers table's columns ({@code upvotes +
   * local_upvotes} is a paper's total), in the database's dialect. Ties must be broken by id so
   * pages are stable.
   */
  public interface FeedOrder {
    /** The ORDER BY clause for a period ending (exclusive) at {@code end}. */
    String orderBy(Dialect dialect, LocalDate end);
  }

  /** The orders that are plain columns. */
  public enum Order implements FeedOrder {
    /** Imported plus local upvotes, most first. */
    UPVOTES("(upvotes + local_upvotes) DESC, id DESC"),
    PUBLISHED("COALESCE(published, daily_date) DESC, id DESC");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }

    @Override
    public String orderBy(Dialect dialect, LocalDate end) {
      return sql;
    }
  }

  /** What an upsert did, and which ids it created or changed. */
  public record UpsertResult(int created, int updated, int unchanged, List<String> changedIds) {}

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final int LOOKUP_CHUNK = 500;
  private static final String COLUMNS =
      "id, version, title, abstract, authors, categories, published, updated, daily_date, upvotes,"
          + " num_comments, org_name, org_fullname, org_avatar, github_repo, github_stars,"
          + " project_page, ai_summary, ai_keywords, arxiv_comment, journal_ref, doi, submitted_by,"
          + " sources, withdrawn, thumbnail";

  /** What a read returns: the imported columns and this Paperboy's community state. */
  static final String READ_COLUMNS = COLUMNS + ", local_upvotes, local_comments, hidden_at";

  /** Papers a moderator has not hidden: the only ones feeds show. */
  static final String VISIBLE = "hidden_at IS NULL";

  private static final String SUBMITTED_BY = " AND LOWER(submitted_by) = LOWER(?)";

  private static final String UPSERT =
      "INSERT INTO papers ("
          + COLUMNS
          + ", first_imported_at, last_changed_at) VALUES"
          + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE"
          + " SET version=excluded.version, title=excluded.title, abstract=excluded.abstract,"
          + " authors=excluded.authors, categories=excluded.categories,"
          + " published=excluded.published, updated=excluded.updated,"
          + " daily_date=excluded.daily_date, upvotes=excluded.upvotes,"
          + " num_comments=excluded.num_comments, org_name=excluded.org_name,"
          + " org_fullname=excluded.org_fullname, org_avatar=excluded.org_avatar,"
          + " github_repo=excluded.github_repo, github_stars=excluded.github_stars,"
          + " project_page=excluded.project_page, ai_summary=excluded.ai_summary,"
          + " ai_keywords=excluded.ai_keywords, arxiv_comment=excluded.arxiv_comment,"
          + " journal_ref=excluded.journal_ref, doi=excluded.doi,"
          + " submitted_by=excluded.submitted_by, sources=excluded.sources,"
          + " withdrawn=excluded.withdrawn, thumbnail=excluded.thumbnail,"
          + " last_changed_at=excluded.last_changed_at";

  private final Database db;

  public PaperStore(Database db) {
    this.db = db;
  }

  /**
   * When a paper last changed, for people (fixed-width UTC text); search follows the change log.
   */
  private static String stamp() {
    return STAMP.format(Instant.now());
  }

  /**
   * Merges each paper into what is stored (see {@link Paper#mergedWith}) and writes only the rows
   * that change, in one transaction. Ids must be unique within the batch.
   */
  public UpsertResult upsert(Collection<Paper> batch) {
    if (batch.isEmpty()) {
      return new UpsertResult(0, 0, 0, List.of());
    }
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        UpsertResult result = write(c, batch);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("upsert of " + batch.size() + " papers failed: " + e, e);
    }
  }

  /**
   * The same merge inside the caller's transaction, for writes that must commit together with other
   * rows (a submission).
   */
  public UpsertResult upsert(Connection c, Collection<Paper> batch) throws SQLException {
    return write(c, batch);
  }

  /** Writes the rows that change and logs each change in the same transaction. */
  private UpsertResult write(Connection c, Collection<Paper> batch) throws SQLException {
    // locked until the merge commits, so two importers of one paper merge one after the other
    Map<String, Paper> existing =
        findAll(c, batch.stream().map(Paper::id).toList(), db.dialect().forUpdate());
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<String> changed = new ArrayList<>();
    List<Paper> newAuthors = new ArrayList<>();
    String now = stamp();
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (Paper incoming : batch) {
        Paper old = existing.get(incoming.id());
        Paper merged = old == null ? incoming : old.mergedWith(incoming);
        if (merged.equals(old)) {
          unchanged++;
          continue;
        }
        if (old == null) {
          created++;
        } else {
          updated++;
        }
        changed.add(merged.id());
        if (old == null || !old.authors().equals(merged.authors())) {
          newAuthors.add(merged);
        }
        bind(ps, merged, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    PaperAuthors.write(c, newAuthors);
    PaperChanges.record(c, changed);
    if (!changed.isEmpty()) {
      ContentVersion.bump(c);
    }
    return new UpsertResult(created, updated, unchanged, changed);
  }

  /**
   * Lists the authors of papers stored before author pages existed (once, at start-up; later calls
   * return at once). Every paper written since lists its own.
   */
  public void listAuthorsOfStoredPapers() {
    PaperAuthors.backfill(db);
  }

  /**
   * Adds to the paper's local upvote and comment counts inside the caller's transaction (the one
   * that writes the vote or comment). The search index holds no counts, so this is not a change it
   * follows: feeds and the upvote order read the counts from here.
   */
  public void addCommunityCounts(Connection c, String id, int upvotes, int comments)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE papers SET local_upvotes = local_upvotes + ?, local_comments = local_comments"
                + " + ? WHERE id = ?")) {
      ps.setInt(1, upvotes);
      ps.setInt(2, comments);
      ps.setString(3, id);
      if (ps.executeUpdate() != 1) {
        throw new StorageException("no paper " + id + " to count a vote or comment for", null);
      }
    }
    ContentVersion.bump(c);
  }

  /** Hides the paper from feeds, search and the API, or shows it again; false if unknown. */
  public boolean setHidden(Connection c, String id, boolean hidden) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE papers SET hidden_at = ?, last_changed_at = ? WHERE id = ?")) {
      String now = stamp();
      ps.setString(1, hidden ? now : null);
      ps.setString(2, now);
      ps.setString(3, id);
      boolean found = ps.executeUpdate() == 1;
      if (found) {
        PaperChanges.record(c, List.of(id));
        ContentVersion.bump(c);
      }
      return found;
    }
  }

  /** Every stored paper in id order, {@code chunk} at a time. */
  public void forEach(int chunk, java.util.function.Consumer<List<Paper>> consumer) {
    String after = "";
    while (true) {
      List<Paper> papers =
          query(
              "SELECT " + READ_COLUMNS + " FROM papers WHERE id > ? ORDER BY id LIMIT ?",
              List.of(after, chunk));
      if (papers.isEmpty()) {
        return;
      }
      consumer.accept(papers);
      after = papers.get(papers.size() - 1).id();
    }
  }

  /**
   * Up to {@code limit} papers without any category (Hugging Face's daily papers until arXiv is
   * asked about them), the newest day first, ties by id; papers arXiv said it does not know after
   * {@code unknownSince} are left out.
   */
  public List<Paper> withoutCategories(Instant unknownSince, int limit) {
    return query(
        "SELECT "
            + READ_COLUMNS
            + " FROM papers WHERE categories = '' AND (arxiv_unknown_at IS NULL OR arxiv_unknown_at"
            + " <= ?) ORDER BY daily_date IS NULL, daily_date DESC, id DESC LIMIT ?",
        List.of(STAMP.format(unknownSince), limit));
  }

  /**
   * Notes that arXiv has no record of these papers, as of {@code at}, so that {@link
   * #withoutCategories} leaves them out for a while. Nothing the index shows changes.
   */
  public void markUnknownToArxiv(Collection<String> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    db.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE papers SET arxiv_unknown_at = ? WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, STAMP.format(at));
              ps.setString(2, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** The papers with these ids, in the order given; unknown ids are left out. */
  public List<Paper> findAll(List<String> ids) {
    try (Connection c = db.connection()) {
      Map<String, Paper> found = findAll(c, ids);
      return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    } catch (SQLException e) {
      throw new StorageException("lookup of " + ids.size() + " papers failed: " + e, e);
    }
  }

  /** The paper as the caller's transaction sees it. */
  public Optional<Paper> find(Connection c, String id) throws SQLException {
    return Optional.ofNullable(findAll(c, List.of(id)).get(id));
  }

  public Optional<Paper> find(String id) {
    return query("SELECT " + READ_COLUMNS + " FROM papers WHERE id = ?", List.of(id)).stream()
        .findFirst();
  }

  /**
   * Papers whose Daily Papers day lies in {@code [from, to]}, in the given order, without hidden
   * ones. The page is chosen on the covering (day, total upvotes, id) index before any abstract is
   * read, so a busy day costs the 50 rows shown, not the 500 it holds.
   */
  public List<Paper> feed(LocalDate from, LocalDate to, FeedOrder order, int offset, int limit) {
    return feed(from, to, null, order, offset, limit);
  }

  /**
   * As {@link #feed(LocalDate, LocalDate, FeedOrder, int, int)}, only papers submitted by {@code
   * submitter} (compared ignoring case, as Hugging Face user names are) when it is not null.
   */
  public List<Paper> feed(
      LocalDate from, LocalDate to, String submitter, FeedOrder order, int offset, int limit) {
    String range = from.equals(to) ? "daily_date = ?" : "daily_date BETWEEN ? AND ?";
    List<Object> params = new ArrayList<>();
    params.add(from.toString());
    if (!from.equals(to)) {
      params.add(to.toString());
    }
    if (submitter != null) {
      range += SUBMITTED_BY;
      params.add(submitter);
    }
    params.add(limit);
    params.add(offset);
    String orderBy = order.orderBy(db.dialect(), to.equals(LocalDate.MAX) ? to : to.plusDays(1));
    return query(
        "SELECT "
            + READ_COLUMNS
            + " FROM papers WHERE id IN (SELECT id FROM papers WHERE "
            + range
            + " AND "
            + VISIBLE
            + " ORDER BY "
            + orderBy
            + " LIMIT ? OFFSET ?) ORDER BY "
            + orderBy,
        params);
  }

  /**
   * A page of these papers ordered by total upvotes (most first, ties by id as feeds break them),
   * hidden ones left out. Search orders its matches by upvotes here, so a vote reorders them at
   * once without touching the index.
   */
  public List<String> byUpvotes(List<String> ids, int offset, int limit) {
    record Votes(String id, long total) {}
    List<Votes> all = new ArrayList<>();
    try (Connection c = db.connection()) {
      for (int i = 0; i < ids.size(); i += LOOKUP_CHUNK) {
        List<String> chunk = ids.subList(i, Math.min(ids.size(), i + LOOKUP_CHUNK));
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        all.addAll(
            Sql.list(
                c,
                "SELECT id, upvotes + local_upvotes FROM papers WHERE id IN ("
                    + marks
                    + ") AND "
                    + VISIBLE,
                rs -> new Votes(rs.getString(1), rs.getLong(2)),
                chunk.toArray()));
      }
    } catch (SQLException e) {
      throw new StorageException("ordering " + ids.size() + " papers by upvotes failed: " + e, e);
    }
    all.sort(
        java.util.Comparator.comparingLong(Votes::total)
            .reversed()
            .thenComparing(Votes::id, java.util.Comparator.reverseOrder()));
    return all.stream().skip(offset).limit(limit).map(Votes::id).toList();
  }

  /**
   * The newest visible papers of days in {@code [from, to]} that list this arXiv category (any of
   * their categories, not only the primary one), newest day first, ties by id. The day range keeps
   * the scan on the day index.
   */
  public List<Paper> inCategory(String category, LocalDate from, LocalDate to, int limit) {
    return query(
        "SELECT "
            + READ_COLUMNS
            + " FROM papers WHERE daily_date BETWEEN ? AND ? AND "
            + VISIBLE
            + " AND (' ' || categories || ' ') LIKE ? ORDER BY daily_date DESC, id LIMIT ?",
        List.of(from.toString(), to.toString(), "% " + likeEscaped(category) + " %", limit));
  }

  /** Category names have no LIKE wildcards or spaces; a caller's typo must not become one. */
  private static String likeEscaped(String category) {
    if (category.isEmpty() || category.matches(".*[%_\\s].*")) {
      throw new IllegalArgumentException("not an arXiv category: " + category);
    }
    return category;
  }

  /** Visible papers whose day lies in {@code [from, to]}. */
  public int count(LocalDate from, LocalDate to) {
    return count(from, to, null);
  }

  /** Visible papers of those days, only {@code submitter}'s when it is not null. */
  public int count(LocalDate from, LocalDate to, String submitter) {
    List<Object> params = new ArrayList<>(List.of(from.toString(), to.toString()));
    if (submitter != null) {
      params.add(submitter);
    }
    return intQuery(
        "SELECT COUNT(*) FROM papers WHERE daily_date BETWEEN ? AND ?"
            + (submitter == null ? "" : SUBMITTED_BY)
            + " AND "
            + VISIBLE,
        params);
  }

  public int countAll() {
    return intQuery("SELECT COUNT(*) FROM papers", List.of());
  }

  public Optional<LocalDate> latestDay() {
    return dayQuery("SELECT MAX(daily_date) FROM papers WHERE " + VISIBLE, List.of());
  }

  /** The closest earlier day that has papers. */
  public Optional<LocalDate> dayBefore(LocalDate day) {
    return dayQuery(
        "SELECT MAX(daily_date) FROM papers WHERE daily_date < ? AND " + VISIBLE,
        List.of(day.toString()));
  }

  /** The closest later day that has papers. */
  public Optional<LocalDate> dayAfter(LocalDate day) {
    return dayQuery(
        "SELECT MIN(daily_date) FROM papers WHERE daily_date > ? AND " + VISIBLE,
        List.of(day.toString()));
  }

  private Map<String, Paper> findAll(Connection c, List<String> ids) throws SQLException {
    return findAll(c, ids, "");
  }

  private Map<String, Paper> findAll(Connection c, List<String> ids, String lock)
      throws SQLException {
    Map<String, Paper> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i += LOOKUP_CHUNK) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + LOOKUP_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT " + READ_COLUMNS + " FROM papers WHERE id IN (" + marks + ")" + lock)) {
        for (int j = 0; j < chunk.size(); j++) {
          ps.setString(j + 1, chunk.get(j));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Paper p = read(rs);
            out.put(p.id(), p);
          }
        }
      }
    }
    return out;
  }

  private List<Paper> query(String sql, List<?> params) {
    try (Connection c = db.connection()) {
      return readAll(c, sql, params.toArray());
    } catch (SQLException e) {
      throw new StorageException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The papers a SELECT of {@link #READ_COLUMNS} finds, for this package's other stores. */
  static List<Paper> readAll(Connection c, String sql, Object... params) throws SQLException {
    return Sql.list(c, sql, PaperStore::read, params);
  }

  private int intQuery(String sql, List<?> params) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StorageException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private Optional<LocalDate> dayQuery(String sql, List<?> params) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        String day = rs.next() ? rs.getString(1) : null;
        return Optional.ofNullable(day).map(LocalDate::parse);
      }
    } catch (SQLException e) {
      throw new StorageException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private static void bindAll(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  private static void bind(PreparedStatement ps, Paper p, String now) throws SQLException {
    int i = 1;
    ps.setString(i++, p.id());
    ps.setInt(i++, p.version());
    ps.setString(i++, p.title());
    ps.setString(i++, p.abstractText());
    ps.setString(i++, String.join("\n", p.authors()));
    ps.setString(i++, String.join(" ", p.categories()));
    ps.setString(i++, p.published() == null ? null : p.published().toString());
    ps.setString(i++, p.updated() == null ? null : p.updated().toString());
    ps.setString(i++, p.dailyDate() == null ? null : p.dailyDate().toString());
    ps.setLong(i++, p.upvotes());
    ps.setLong(i++, p.numComments());
    Organization org = p.organization();
    ps.setString(i++, org == null ? null : org.name());
    ps.setString(i++, org == null ? null : org.fullname());
    ps.setString(i++, org == null ? null : org.avatar());
    ps.setString(i++, p.githubRepo());
    if (p.githubStars() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setLong(i++, p.githubStars());
    }
    ps.setString(i++, p.projectPage());
    ps.setString(i++, p.aiSummary());
    ps.setString(i++, String.join("\n", p.aiKeywords()));
    ps.setString(i++, p.comment());
    ps.setString(i++, p.journalRef());
    ps.setString(i++, p.doi());
    ps.setString(i++, p.submittedBy());
    ps.setString(i++, String.join(",", p.sources().stream().map(Source::key).sorted().toList()));
    ps.setInt(i++, p.withdrawn() ? 1 : 0);
    ps.setString(i++, p.thumbnail());
    ps.setString(i++, now);
    ps.setString(i, now);
  }

  private static Paper read(ResultSet rs) throws SQLException {
    String orgName = rs.getString("org_name");
    Organization org =
        orgName == null
            ? null
            : new Organization(orgName, rs.getString("org_fullname"), rs.getString("org_avatar"));
    long stars = rs.getLong("github_stars");
    Long githubStars = rs.wasNull() ? null : stars;
    Set<Source> sources = EnumSet.noneOf(Source.class);
    for (String key : split(rs.getString("sources"), ",")) {
      sources.add(Source.fromKey(key));
    }
    return new Paper(
        rs.getString("id"),
        rs.getInt("version"),
        rs.getString("title"),
        rs.getString("abstract"),
        split(rs.getString("authors"), "\n"),
        split(rs.getString("categories"), " "),
        instant(rs.getString("published")),
        instant(rs.getString("updated")),
        day(rs.getString("daily_date")),
        rs.getLong("upvotes"),
        rs.getLong("num_comments"),
        org,
        rs.getString("github_repo"),
        githubStars,
        rs.getString("project_page"),
        rs.getString("thumbnail"),
        rs.getString("ai_summary"),
        split(rs.getString("ai_keywords"), "\n"),
        rs.getString("arxiv_comment"),
        rs.getString("journal_ref"),
        rs.getString("doi"),
        rs.getString("submitted_by"),
        sources,
        new Paper.Community(
            rs.getLong("local_upvotes"),
            rs.getLong("local_comments"),
            rs.getString("hidden_at") != null),
        rs.getInt("withdrawn") != 0);
  }

  private static List<String> split(String joined, String sep) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(sep, -1));
  }

  /**
   * A stored time. Ours are UTC to the second ({@code 2024-05-24T17:34:15Z}); those are read field
   * by field, because the general parser was a tenth of the time of reading fifty papers for a
   * search answer. Anything else (fractions, offsets) goes to {@link Instant#parse}.
   */
  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() == 20
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(19) == 'Z') {
      try {
        return LocalDateTime.of(
                digits(s, 0, 4),
                digits(s, 5, 7),
                digits(s, 8, 10),
                digits(s, 11, 13),
                digits(s, 14, 16),
                digits(s, 17, 19))
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        // not a time after all: the general parser says what is wrong with it
      }
    }
    return Instant.parse(s);
  }

  /** A stored day, {@code 2024-05-24}, read as {@link #instant} reads times. */
  static LocalDate day(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      try {
        return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
      } catch (DateTimeException e) {
        // the general parser says what is wrong with it
      }
    }
    return LocalDate.parse(s);
  }

  /** The decimal digits s[from, to) as a number; anything else is not a stored time. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("not a digit at " + i + " of " + s);
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
