package dev.paperboy.community;

import dev.paperboy.harvest.ArxivLookup;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a paper enters the daily feed: a signed-in user submits its arXiv id. A stored paper joins
 * today's feed at once. An unknown one becomes a pending request that {@link #processPending} (a
 * background worker in the server) completes by asking arXiv, so no web request waits on arXiv.
 * Each refusal says why. The same requests also {@link #fetch} a paper someone looked for and did
 * not find here, storing it without putting it on the feed.
 */
public final class Submissions {

  /** The rules, configurable; the defaults follow Hugging Face's. */
  public record Rules(int maxAgeDays, int perUserPerDay) {
    public static final Rules DEFAULT = new Rules(14, 5);

    public Rules {
      if (maxAgeDays < 0 || perUserPerDay < 1) {
        throw new IllegalArgumentException(
            "submission rules need max age >= 0 days and at least 1 submission a day");
      }
    }
  }

  /** Who submitted a paper and when; {@code userId} is null once the account was deleted. */
  public record Submission(String paperId, Long userId, String userName, Instant submittedAt) {

    public String byline() {
      return userName != null ? userName : "a deleted account";
    }
  }

  /** What a submission led to: the paper on the feed now, or a request waiting for arXiv. */
  public sealed interface Outcome {
    record Accepted(Paper paper) implements Outcome {}

    record Pending(long requestId) implements Outcome {}
  }

  /** A submission waiting for (or done with) arXiv. */
  public record Request(
      long id, long userId, String paperId, State state, String message, Instant requestedAt) {

    /** Where a request stands. */
    public enum State {
      PENDING,
      ACCEPTED,
      REFUSED
    }
  }

  /**
   * Fetches a user may ask for in a day: each costs arXiv a request, and unlike a submission it is
   * not bounded by the feed's rules, so the quota is what keeps a script from copying arXiv here.
   */
  static final int FETCHES_PER_USER_PER_DAY = 20;

  /** Tries at reaching arXiv (each with the client's own retries) before a request is refused. */
  static final int MAX_ATTEMPTS = 5;

  /** A claim on a pending request older than this was cut off by a crash; another node takes it. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(Submissions.class);

  private final Database db;
  private final PaperStore papers;
  private final Comments comments;
  private final ArxivLookup arxiv;
  private final Clock clock;
  private final ZoneId zone;
  private final Rules rules;
  private final String node;

  /**
   * @param node this process's name among the nodes on the database, written into its claims
   */
  public Submissions(
      Database db,
      PaperStore papers,
      Comments comments,
      ArxivLookup arxiv,
      Clock clock,
      ZoneId zone,
      Rules rules,
      String node) {
    this.db = db;
    this.papers = papers;
    this.comments = comments;
    this.arxiv = arxiv;
    this.clock = clock;
    this.zone = zone;
    this.rules = rules;
    this.node = node;
  }

  public Rules rules() {
    return rules;
  }

  /**
   * Submits the paper named by {@code idText} (an id, new or old style, with or without version, or
   * an arxiv.org link) for today's feed, with the submitter's optional comment.
   */
  public Outcome submit(User user, String idText, String comment) {
    ArxivId id = parse(idText);
    String text = comment == null || comment.isBlank() ? null : Comments.validBody(comment);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    checkDailyLimit(user, today);
    Optional<Paper> stored = papers.find(id.id());
    if (stored.isPresent()) {
      checkRules(stored.get(), today);
      return new Outcome.Accepted(accept(user, stored.get(), today, text, null));
    }
    return new Outcome.Pending(queue(user, id, text, today, "feed"));
  }

  /**
   * Stores the paper named by {@code idText} from arXiv, off the feed, for someone who looked for
   * it here and did not find it. A stored paper is accepted as it is; an unknown one becomes a
   * pending request that {@link #processPending} completes, as a submission's does.
   */
  public Outcome fetch(User user, String idText) {
    ArxivId id = parse(idText);
    Optional<Paper> stored = papers.find(id.id());
    if (stored.isPresent()) {
      return new Outcome.Accepted(stored.get());
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    long asked =
        db.read(
            c ->
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM submission_requests WHERE user_id = ? AND day = ?"
                        + " AND purpose = 'fetch'",
                    user.id(),
                    today.toString()));
    if (asked >= FETCHES_PER_USER_PER_DAY) {
      throw new Refusal(
          Refusal.Kind.RATE_LIMITED,
          "You have asked arXiv for "
              + asked
              + " papers today, the most allowed in a day. You can ask again tomorrow.");
    }
    return new Outcome.Pending(queue(user, id, null, today, "fetch"));
  }

  private static ArxivId parse(String idText) {
    return ArxivId.parse(idText)
        .orElseThrow(
            () ->
                Refusal.invalid(
                    "“"
                        + clip(idText)
                        + "” is not an arXiv id. Give one like 2608.12345, hep-th/9901001"
                        + " or an arxiv.org link."));
  }

  /** A pending request for arXiv, unless one for the same paper is pending already. */
  private long queue(User user, ArxivId id, String comment, LocalDate today, String purpose) {
    return db.transaction(
        c -> {
          if (Sql.count(
                  c,
                  "SELECT COUNT(*) FROM submission_requests WHERE paper_id = ? AND state ="
                      + " 'pending'",
                  id.id())
              > 0) {
            throw new Refusal(
                Refusal.Kind.CONFLICT,
                id.id() + " was just submitted and is being fetched from arXiv.");
          }
          return Sql.insert(
              c,
              "INSERT INTO submission_requests (user_id, paper_id, comment, requested_at, day,"
                  + " purpose) VALUES (?, ?, ?, ?, ?, ?)",
              user.id(),
              id.id(),
              comment,
              clock.instant().toString(),
              today.toString(),
              purpose);
        });
  }

  /**
   * Completes every pending request: fetches the paper from arXiv, applies the rules as of the day
   * it was requested, and accepts or refuses it. A request arXiv could not answer stays pending for
   * the next run, up to {@link #MAX_ATTEMPTS} runs. Returns how many it finished.
   *
   * <p>Each request is claimed first, in one conditional update, so with several nodes each is
   * fetched by one of them; accepting it and marking it done commit together, and only while the
   * claim is still this node's.
   */
  public int processPending() {
    record Pending(
        long id, long userId, String paperId, String comment, LocalDate day, boolean onlyFetch) {}
    List<Pending> pending =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT id, user_id, paper_id, comment, day, purpose FROM submission_requests"
                        + " WHERE state = 'pending' AND (claimed_at IS NULL OR claimed_at < ?)"
                        + " ORDER BY id",
                    rs ->
                        new Pending(
                            rs.getLong("id"),
                            rs.getLong("user_id"),
                            rs.getString("paper_id"),
                            rs.getString("comment"),
                            LocalDate.parse(rs.getString("day")),
                            rs.getString("purpose").equals("fetch")),
                    staleBefore()));
    int finished = 0;
    for (Pending p : pending) {
      if (!claim(p.id())) {
        continue; // another node has it
      }
      try {
        User user =
            db.read(c -> AccountRows.find(c, p.userId()))
                .filter(u -> !u.blocked())
                .orElseThrow(() -> Refusal.forbidden("The account that submitted it is blocked."));
        Paper paper = papers.find(p.paperId()).orElseGet(() -> fromArxiv(p.paperId()));
        if (p.onlyFetch()) {
          store(paper, p.id());
        } else {
          checkRules(paper, p.day());
          accept(user, paper, p.day(), p.comment(), p.id());
        }
        finished++;
      } catch (LostClaim lost) {
        log.warn("Submission request {} was taken over by another node", p.id());
      } catch (Refusal r) {
        if (r.kind() == Refusal.Kind.UNAVAILABLE && retryLater(p.id())) {
          continue;
        }
        if (db.transaction(c -> finish(c, p.id(), Request.State.REFUSED, r.getMessage())) == 1) {
          finished++;
        }
      }
    }
    return finished;
  }

  /** Thrown inside a transaction to roll it back: the request's claim is no longer this node's. */
  private static final class LostClaim extends RuntimeException {
    LostClaim() {
      super(null, null, false, false);
    }
  }

  private String staleBefore() {
    return Leases.time(clock.instant().minus(STALE_CLAIM));
  }

  /** Claims a pending request for this node; false when another node holds a live claim on it. */
  private boolean claim(long requestId) {
    return db.transaction(
            c ->
                Sql.update(
                    c,
                    "UPDATE submission_requests SET claimed_by = ?, claimed_at = ?"
                        + " WHERE id = ? AND state = 'pending'"
                        + " AND (claimed_at IS NULL OR claimed_at < ?)",
                    node,
                    Leases.time(clock.instant()),
                    requestId,
                    staleBefore()))
        == 1;
  }

  /**
   * Counts a failed attempt and lets go of the claim, so the next run on any node tries again; true
   * while the request may still be tried again.
   */
  private boolean retryLater(long requestId) {
    return db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE submission_requests SET attempts = attempts + 1 WHERE id = ? AND claimed_by ="
                  + " ?",
              requestId,
              node);
          long attempts =
              Sql.count(c, "SELECT attempts FROM submission_requests WHERE id = ?", requestId);
          if (attempts >= MAX_ATTEMPTS) {
            return false;
          }
          Sql.update(
              c,
              "UPDATE submission_requests SET claimed_by = NULL, claimed_at = NULL"
                  + " WHERE id = ? AND claimed_by = ?",
              requestId,
              node);
          return true;
        });
  }

  /** Marks a request this node claimed done; 0 when the claim was lost to another node. */
  private int finish(Connection c, long requestId, Request.State state, String message)
      throws SQLException {
    return Sql.update(
        c,
        "UPDATE submission_requests SET state = ?, message = ?, finished_at = ?"
            + " WHERE id = ? AND state = 'pending' AND claimed_by = ?",
        state.name().toLowerCase(Locale.ROOT),
        message,
        clock.instant().toString(),
        requestId,
        node);
  }

  /** The request, if {@code viewer} made it. */
  public Optional<Request> request(long requestId, User viewer) {
    return db.read(
            c ->
                Sql.one(
                    c,
                    "SELECT id, user_id, paper_id, state, message, requested_at"
                        + " FROM submission_requests WHERE id = ?",
                    rs ->
                        new Request(
                            rs.getLong("id"),
                            rs.getLong("user_id"),
                            rs.getString("paper_id"),
                            Request.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                            rs.getString("message"),
                            Instant.parse(rs.getString("requested_at"))),
                    requestId))
        .filter(r -> viewer != null && r.userId() == viewer.id());
  }

  /**
   * Puts the paper on {@code day}'s feed in one transaction, re-checking the rules inside it; for a
   * pending request ({@code requestId} not null) the same transaction marks it accepted.
   */
  private Paper accept(User user, Paper paper, LocalDate day, String comment, Long requestId) {
    return db.transaction(
        c -> {
          if (requestId != null && finish(c, requestId, Request.State.ACCEPTED, null) == 0) {
            throw new LostClaim();
          }
          Optional<Paper> stored = papers.find(c, paper.id());
          if (stored.isPresent()) {
            checkRules(stored.get(), day); // someone may have submitted it meanwhile
          }
          papers.upsert(c, List.of(paper.submittedOn(day, user.displayName())));
          Sql.update(
              c,
              "INSERT INTO submissions (paper_id, user_id, submitted_at, daily_date)"
                  + " VALUES (?, ?, ?, ?)",
              paper.id(),
              user.id(),
              clock.instant().toString(),
              day.toString());
          ContentVersion.bump(c); // the card's byline names the submitter
          if (comment != null) {
            comments.insert(c, user, paper.id(), null, comment);
          }
          return papers.find(c, paper.id()).orElseThrow();
        });
  }

  /** Stores a fetched paper (unless it arrived meanwhile) and marks its request accepted. */
  private void store(Paper paper, long requestId) {
    db.transaction(
        c -> {
          if (finish(c, requestId, Request.State.ACCEPTED, null) == 0) {
            throw new LostClaim();
          }
          if (papers.find(c, paper.id()).isEmpty()) {
            papers.upsert(c, List.of(paper));
          }
          return null;
        });
  }

  private Paper fromArxiv(String id) {
    ArxivId arxivId = ArxivId.parse(id).orElseThrow();
    Optional<Paper> found;
    try {
      found = arxiv.find(arxivId);
    } catch (ArxivException.Refused e) {
      throw Refusal.invalid("arXiv does not accept " + id + ": " + e.arxivMessage());
    } catch (ArxivException.Unavailable e) {
      log.warn("Fetching {} from arXiv failed: {}", id, e.getMessage());
      throw new Refusal(
          Refusal.Kind.UNAVAILABLE,
          "arXiv could not be reached to look up " + id + " (" + e.getMessage() + ").");
    }
    return found.orElseThrow(() -> Refusal.notFound("arXiv has no paper " + id + "."));
  }

  private void checkDailyLimit(User user, LocalDate today) {
    long done =
        db.read(
            c ->
                Sql.count(
                        c,
                        "SELECT COUNT(*) FROM submissions WHERE user_id = ? AND daily_date = ?",
                        user.id(),
                        today.toString())
                    + Sql.count(
                        c,
                        "SELECT COUNT(*) FROM submission_requests WHERE user_id = ? AND day = ?"
                            + " AND state = 'pending' AND purpose = 'feed'",
                        user.id(),
                        today.toString()));
    if (done >= rules.perUserPerDay()) {
      throw new Refusal(
          Refusal.Kind.RATE_LIMITED,
          "You have submitted "
              + done
              + " papers today, the most allowed in a day. You can submit again tomorrow.");
    }
  }

  private void checkRules(Paper paper, LocalDate today) {
    if (paper.hidden()) {
      throw Refusal.forbidden(paper.id() + " was removed from the feed by the moderators.");
    }
    if (paper.submitted()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          paper.id()
              + " is already on the Daily Papers feed"
              + (paper.dailyDate() == null ? "" : " of " + Dates.day(paper.dailyDate()))
              + (paper.submittedBy() == null ? "" : ", submitted by " + paper.submittedBy())
              + ".");
    }
    LocalDate published =
        paper.published() != null
            ? paper.published().atZone(zone).toLocalDate()
            : paper.dailyDate();
    if (published != null && published.plusDays(rules.maxAgeDays()).isBefore(today)) {
      throw Refusal.invalid(
          paper.id()
              + " was published on arXiv on "
              + Dates.day(published)
              + ", more than "
              + rules.maxAgeDays()
              + " days ago. Only papers from the last "
              + rules.maxAgeDays()
              + " days can be submitted.");
    }
  }

  /** Who submitted each of these papers here, for cards and paper pages. */
  public Map<String, Submission> forPapers(Collection<String> paperIds) {
    if (paperIds.isEmpty()) {
      return Map.of();
    }
    return db.read(
        c -> {
          Map<String, Submission> out = new HashMap<>();
          for (List<String> chunk : Chunks.of(List.copyOf(paperIds), 500)) {
            for (Submission s :
                Sql.list(
                    c,
                    SUBMISSION + " WHERE s.paper_id IN (" + Chunks.marks(chunk.size()) + ")",
                    Submissions::submission,
                    chunk.toArray())) {
              out.put(s.paperId(), s);
            }
          }
          return out;
        });
  }

  /** A user's submissions, newest first. */
  public List<Submission> byUser(long userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                SUBMISSION + " WHERE s.user_id = ? ORDER BY s.submitted_at DESC LIMIT ?",
                Submissions::submission,
                userId,
                limit));
  }

  private static final String SUBMISSION =
      "SELECT s.paper_id, s.user_id, u.display_name, s.submitted_at FROM submissions s"
          + " LEFT JOIN users u ON u.id = s.user_id";

  private static Submission submission(ResultSet rs) throws SQLException {
    long user = rs.getLong("user_id");
    Long userId = rs.wasNull() ? null : user;
    return new Submission(
        rs.getString("paper_id"),
        userId,
        rs.getString("display_name"),
        Instant.parse(rs.getString("submitted_at")));
  }

  private static String clip(String s) {
    String t = s == null ? "" : s.strip();
    return t.length() <= 60 ? t : t.substring(0, 60) + "…";
  }
}
