package dev.paperboy.digest;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message is written here before it is sent and marked after, so a crash or restart in the
 * middle of a run neither skips nor repeats one: a rerun finds 'sent' rows done and 'queued' rows
 * still to do. A message whose send was interrupted between the SMTP server's answer and the
 * database's record (a few milliseconds) is sent again with the same Message-ID.
 *
 * <p>Temporary failures (4xx, connection trouble) are retried with growing waits; a permanent one
 * (5xx) marks the message failed and disables the address.
 */
public final class Outbox {

  /** Waits before each retry; after the last, the message is given up. */
  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  /** A 'sending' row older than this was cut off by a crash and is sent again. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  /** What one delivery pass did. */
  public record Delivered(int sent, int retrying, int failed) {}

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Database db;
  private final Clock clock;
  private final LongAdder sent = new LongAdder();
  private final LongAdder deferred = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /**
   * What this process's deliveries came to since it started: messages sent, attempts that failed
   * for now (retried later) and messages given up (refused for good or out of retries).
   */
  public record Totals(long sent, long deferred, long failed) {}

  public Outbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records a message to send, once per (subscription, purpose); false when that purpose already
   * has a row (sent, queued, empty or failed), which is how a digest never goes out twice. Mail
   * about an account has no subscription (null) and purposes starting with {@code account.}.
   */
  boolean queue(Connection c, Long subscriptionId, String purpose, OutgoingMail mail)
      throws SQLException {
    return Sql.update(
            c,
            "INSERT INTO outbox (subscription_id, purpose, recipient, message_id,"
                + " subject, text_body, html_body, headers, state, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT DO NOTHING",
            subscriptionId,
            purpose,
            mail.to(),
            mail.messageId(),
            mail.subject(),
            mail.text(),
            mail.html(),
            headers(mail.headers()),
            clock.instant().toString(),
            clock.instant().toString())
        == 1;
  }

  /** How many account mails went (or are going) to the address since {@code since}. */
  long accountMailsSince(Connection c, String recipient, Instant since) throws SQLException {
    return Sql.count(
        c,
        "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND created_at > ?"
            + " AND subscription_id IS NULL",
        recipient,
        since.toString());
  }

  /** Records that a period had nothing for this reader, so a rerun does not look again. */
  boolean recordEmpty(Connection c, long subscriptionId, String purpose, String recipient)
      throws SQLException {
    return Sql.update(
            c,
            "INSERT INTO outbox (subscription_id, purpose, recipient, message_id,"
                + " state, next_attempt_at, created_at) VALUES (?, ?, ?, '', 'empty', ?, ?)"
                + " ON CONFLICT DO NOTHING",
            subscriptionId,
            purpose,
            recipient,
            clock.instant().toString(),
            clock.instant().toString())
        == 1;
  }

  boolean has(long subscriptionId, String purpose) {
    return db.read(
            c ->
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM outbox WHERE subscription_id = ? AND purpose = ?",
                    subscriptionId,
                    purpose))
        > 0;
  }

  /**
   * Sends every message that is due: queued ones whose wait is over, and ones whose sending was cut
   * off by a crash. Each is claimed first, so two processes never send the same row.
   */
  public Delivered deliverDue(Mailer mailer) {
    Instant now = clock.instant();
    List<Due> due =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT id, subscription_id, attempts FROM outbox WHERE (state = 'queued' AND"
                        + " next_attempt_at <= ?) OR (state = 'sending' AND claimed_at < ?)"
                        + " ORDER BY id",
                    rs -> {
                      long subscription = rs.getLong(2);
                      Long ofSubscription = rs.wasNull() ? null : subscription;
                      return new Due(rs.getLong(1), ofSubscription, rs.getInt(3));
                    },
                    now.toString(),
                    now.minus(STALE_CLAIM).toString()));
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    for (Due d : due) {
      OutgoingMail mail = claim(d.id());
      if (mail == null) {
        continue; // another process took it
      }
      try {
        mailer.send(mail);
        finish(d.id(), "sent", null);
        sent++;
        this.sent.increment();
      } catch (Mailer.MailFailure e) {
        int attempts = d.attempts() + 1;
        if (e.permanent()) {
          failPermanently(d, mail, e);
          failed++;
          this.failed.increment();
        } else if (attempts > BACKOFF.size()) {
          log.error(
              "Giving up on mail {} to {} after {} tries: {}",
              d.id(),
              mail.to(),
              attempts,
              e.getMessage());
          finish(d.id(), "failed", e.getMessage());
          failed++;
          this.failed.increment();
        } else {
          Duration wait = BACKOFF.get(attempts - 1);
          log.warn(
              "Mail {} to {} failed for now ({}); retrying in {}",
              d.id(),
              mail.to(),
              e.getMessage(),
              wait);
          db.transaction(
              c ->
                  Sql.update(
                      c,
                      "UPDATE outbox SET state = 'queued', attempts = ?, next_attempt_at = ?,"
                          + " last_error = ?, claimed_at = NULL WHERE id = ?",
                      attempts,
                      clock.instant().plus(wait).toString(),
                      e.getMessage(),
                      d.id()));
          retrying++;
          deferred.increment();
        }
      }
    }
    return new Delivered(sent, retrying, failed);
  }

  /** A message due for sending; account mail has no subscription. */
  private record Due(long id, Long subscriptionId, int attempts) {}

  /**
   * The address will never work: the message fails and no more digests go to the address (an
   * account mail only fails).
   */
  private void failPermanently(Due d, OutgoingMail mail, Mailer.MailFailure e) {
    log.error(
        "Mail {} to {} was refused for good ({}); the address gets no more mail",
        d.id(),
        mail.to(),
        e.getMessage());
    db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?,"
                  + " claimed_at = NULL WHERE id = ?",
              e.getMessage(),
              d.id());
          if (d.subscriptionId() == null) {
            return 0;
          }
          return Sql.update(
              c,
              "UPDATE subscriptions SET state = 'disabled', disabled_reason = ? WHERE id = ?",
              e.getMessage(),
              d.subscriptionId());
        });
  }

  /** Claims a due row for sending; null when another process claimed it first. */
  private OutgoingMail claim(long id) {
    return db.transaction(
        c -> {
          int claimed =
              Sql.update(
                  c,
                  "UPDATE outbox SET state = 'sending', claimed_at = ? WHERE id = ? AND (state ="
                      + " 'queued' OR (state = 'sending' AND claimed_at < ?))",
                  clock.instant().toString(),
                  id,
                  clock.instant().minus(STALE_CLAIM).toString());
          if (claimed == 0) {
            return null;
          }
          return Sql.one(
                  c,
                  "SELECT message_id, recipient, subject, text_body, html_body, headers"
                      + " FROM outbox WHERE id = ?",
                  rs ->
                      new OutgoingMail(
                          rs.getString("message_id"),
                          rs.getString("recipient"),
                          rs.getString("subject"),
                          rs.getString("text_body"),
                          rs.getString("html_body"),
                          headers(rs.getString("headers"))),
                  id)
              .orElseThrow();
        });
  }

  private void finish(long id, String state, String error) {
    db.transaction(
        c ->
            Sql.update(
                c,
                "UPDATE outbox SET state = ?, sent_at = ?, last_error = ?, claimed_at = NULL"
                    + " WHERE id = ?",
                state,
                state.equals("sent") ? clock.instant().toString() : null,
                error,
                id));
  }

  public Totals totals() {
    return new Totals(sent.sum(), deferred.sum(), failed.sum());
  }

  /** Counts of outbox rows by state, for tests and the status page. */
  public Map<String, Integer> counts() {
    return db.read(
        c -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          for (var row :
              Sql.list(
                  c,
                  "SELECT state, COUNT(*) FROM outbox GROUP BY state ORDER BY state",
                  rs -> Map.entry(rs.getString(1), rs.getInt(2)))) {
            out.put(row.getKey(), row.getValue());
          }
          return out;
        });
  }

  private static String headers(Map<String, String> headers) {
    StringBuilder out = new StringBuilder();
    headers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    return out.toString();
  }

  private static Map<String, String> headers(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          out.put(line.substring(0, colon), line.substring(colon + 2));
        }
      }
    }
    return out;
  }
}
