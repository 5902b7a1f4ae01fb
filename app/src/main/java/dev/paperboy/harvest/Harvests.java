package dev.paperboy.harvest;

import dev.paperboy.ingest.PaperValidator;
import dev.paperboy.ingest.RecordCounts;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests page by page. Each page's papers go through the same upsert as file imports (so the
 * search index and embeddings follow) in the same transaction as the harvest's cursor: a harvest
 * stopped at any point, kill -9 included, goes on from its last committed page.
 */
public final class Harvests {

  /** A harvest as the status command shows it. */
  public record Harvest(
      long id,
      String source,
      String query,
      String state,
      String cursor,
      int pages,
      int records,
      int created,
      int updated,
      int rejected,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      String lastError) {

    public boolean done() {
      return state.equals("done");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Harvests.class);

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final RecordCounts counts;
  private final PaperValidator validator;

  public Harvests(Database db, PaperStore papers, Clock clock) {
    this(db, papers, clock, new RecordCounts());
  }

  /** Harvests that also add each committed page's records to the process's {@code counts}. */
  public Harvests(Database db, PaperStore papers, Clock clock, RecordCounts counts) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.counts = counts;
    this.validator = new PaperValidator(clock);
  }

  /**
   * Runs the harvest to its end, resuming where an earlier run with the same source and query
   * stopped. A finished one runs again only with {@code again}.
   *
   * @param afterPage called after each committed page (progress; tests stop a harvest there)
   * @return the harvest as it ended
   * @throws RuntimeException when the source fails; the committed pages stay, the harvest resumes
   */
  public Harvest run(
      HarvestSource source, boolean again, PrintStream progress, Runnable afterPage) {
    Harvest h = start(source, again);
    if (h.done()) {
      progress.printf(
          Locale.ROOT,
          "%s %s: already harvested (%d records)%n",
          h.source(),
          h.query(),
          h.records());
      return h;
    }
    if (h.pages() > 0) {
      progress.printf(
          Locale.ROOT,
          "%s %s: resuming after page %d (%d records so far)%n",
          h.source(),
          h.query(),
          h.pages(),
          h.records());
    }
    String cursor = h.cursor();
    while (true) {
      HarvestSource.Page page;
      try {
        page = checked(source, source.fetch(cursor));
      } catch (RuntimeException e) {
        fail(h.id(), e.getMessage());
        throw e;
      }
      for (String r : page.rejected()) {
        log.warn("{} {}: skipped {}", source.name(), source.query(), r);
      }
      String next = page.nextCursor();
      h = commit(h.id(), page, next);
      progress.printf(
          Locale.ROOT,
          "%s %s: page %d, %d records (%d new, %d updated, %d rejected)%s%n",
          h.source(),
          h.query(),
          h.pages(),
          h.records(),
          h.created(),
          h.updated(),
          h.rejected(),
          page.total() == null ? "" : " of " + page.total());
      afterPage.run();
      if (next == null) {
        return h;
      }
      cursor = next;
    }
  }

  /**
   * The page with the same checks a file import makes: a paper whose day is out of range joins the
   * page's rejected records, implausible dates and counts are dropped or clamped (and logged).
   */
  private HarvestSource.Page checked(HarvestSource source, HarvestSource.Page page) {
    List<Paper> kept = new ArrayList<>();
    List<String> rejected = new ArrayList<>(page.rejected());
    for (Paper p : page.papers()) {
      PaperValidator.Checked c = validator.check(p);
      if (!c.accepted()) {
        rejected.add(c.rejection().reason() + " at " + p.id() + ": " + c.rejection().value());
        continue;
      }
      for (PaperValidator.Problem fix : c.corrections()) {
        log.warn(
            "{} {}: {} {}: {}", source.name(), source.query(), fix.reason(), p.id(), fix.value());
      }
      kept.add(c.paper());
    }
    return new HarvestSource.Page(kept, rejected, page.nextCursor(), page.total());
  }

  private Harvest start(HarvestSource source, boolean again) {
    String now = clock.instant().toString();
    return db.transaction(
        c -> {
          Optional<Harvest> existing = find(c, source.name(), source.query());
          if (existing.isPresent() && existing.get().done() && again) {
            Sql.update(
                c,
                "UPDATE harvests SET state = 'running', cursor = NULL, pages = 0, records = 0,"
                    + " created = 0, updated = 0, rejected = 0, started_at = ?, updated_at = ?,"
                    + " finished_at = NULL, last_error = NULL WHERE id = ?",
                now,
                now,
                existing.get().id());
          } else if (existing.isPresent()) {
            Sql.update(
                c,
                "UPDATE harvests SET state = CASE WHEN state = 'done' THEN 'done' ELSE 'running'"
                    + " END, updated_at = ? WHERE id = ?",
                now,
                existing.get().id());
          } else {
            Sql.insert(
                c,
                "INSERT INTO harvests (source, query, state, started_at, updated_at)"
                    + " VALUES (?, ?, 'running', ?, ?)",
                source.name(),
                source.query(),
                now,
                now);
          }
          return find(c, source.name(), source.query()).orElseThrow();
        });
  }

  /** The page's papers and the cursor past it, in one transaction. */
  private Harvest commit(long id, HarvestSource.Page page, String next) {
    Committed done =
        db.transaction(
            c -> {
              PaperStore.UpsertResult r = papers.upsert(c, page.papers());
              return new Committed(r, update(c, id, page, next, r));
            });
    int rejected = page.rejected().size();
    counts.add(
        page.papers().size() + rejected,
        done.result().created(),
        done.result().updated(),
        rejected);
    return done.harvest();
  }

  private record Committed(PaperStore.UpsertResult result, Harvest harvest) {}

  private Harvest update(
      Connection c, long id, HarvestSource.Page page, String next, PaperStore.UpsertResult r)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE harvests SET cursor = ?, pages = pages + 1, records = records + ?,"
            + " created = created + ?, updated = updated + ?, rejected = rejected + ?,"
            + " updated_at = ?, last_error = NULL, state = ?, finished_at = ? WHERE id = ?",
        next,
        page.papers().size(),
        r.created(),
        r.updated(),
        page.rejected().size(),
        clock.instant().toString(),
        next == null ? "done" : "running",
        next == null ? clock.instant().toString() : null,
        id);
    return find(c, id);
  }

  private void fail(long id, String error) {
    db.transaction(
        c ->
            Sql.update(
                c,
                "UPDATE harvests SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?",
                error,
                clock.instant().toString(),
                id));
  }

  /** Every harvest, the latest first. */
  public List<Harvest> all() {
    return db.read(
        c ->
            Sql.list(
                c, "SELECT * FROM harvests ORDER BY updated_at DESC, id DESC", Harvests::harvest));
  }

  /** The finished harvests of a source, the latest first. */
  public List<Harvest> done(String source) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT * FROM harvests WHERE source = ? AND state = 'done'"
                    + " ORDER BY finished_at DESC, id DESC",
                Harvests::harvest,
                source));
  }

  /** The harvest with this source's name and query, whatever its state. */
  public Optional<Harvest> find(HarvestSource source) {
    return db.read(c -> find(c, source.name(), source.query()));
  }

  private static Optional<Harvest> find(Connection c, String source, String query)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM harvests WHERE source = ? AND query = ?",
        Harvests::harvest,
        source,
        query);
  }

  private static Harvest find(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM harvests WHERE id = ?", Harvests::harvest, id).orElseThrow();
  }

  private static Harvest harvest(ResultSet rs) throws SQLException {
    String finished = rs.getString("finished_at");
    return new Harvest(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("query"),
        rs.getString("state"),
        rs.getString("cursor"),
        rs.getInt("pages"),
        rs.getInt("records"),
        rs.getInt("created"),
        rs.getInt("updated"),
        rs.getInt("rejected"),
        Instant.parse(rs.getString("started_at")),
        Instant.parse(rs.getString("updated_at")),
        finished == null ? null : Instant.parse(finished),
        rs.getString("last_error"));
  }
}
