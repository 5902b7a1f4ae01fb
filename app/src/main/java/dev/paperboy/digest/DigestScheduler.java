package dev.paperboy.digest;

import dev.paperboy.schedule.Ticker;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Sql;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving process's mail thread: at the configured hour (in the instance's time zone) it runs
 * the day's digest on weekdays and the weekly one on its day, and every few seconds it delivers
 * what the outbox holds (confirmations, retries). Runs are recorded, so a restart later the same
 * day finishes a cut-off run and never starts a finished one again.
 *
 * <p>With several nodes on one database the holder of the {@value #LEASE} lease runs the schedule;
 * any node may deliver what it just queued ({@link #wake}), since each message is claimed by one
 * atomic update before it is sent.
 */
public final class DigestScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
  private static final Duration TICK = Duration.ofSeconds(30);
  static final String LEASE = "mail";

  private final Database db;
  private final DigestJob job;
  private final Outbox outbox;
  private final Mailer mailer;
  private final MailSettings settings;
  private final ZoneId zone;
  private final Clock clock;
  private final Ticker ticker;

  DigestScheduler(
      Database db,
      DigestJob job,
      Outbox outbox,
      Mailer mailer,
      MailSettings settings,
      ZoneId zone,
      Clock clock,
      Leases leases) {
    this.db = db;
    this.job = job;
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings;
    this.zone = zone;
    this.clock = clock;
    this.ticker = Ticker.oncePerCluster(LEASE, this::tick, false, leases);
  }

  public void start() {
    ticker.start(TICK);
  }

  /** Delivers what is queued now (a confirmation just asked for) instead of at the next tick. */
  public void wake() {
    ticker.runNow(this::deliver);
  }

  /** One pass: start any digest run that is due, then deliver. */
  void tick() {
    try {
      ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
      LocalDate today = now.toLocalDate();
      if (now.getHour() >= settings.hour()) {
        if (today.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
          runOnce(DigestPeriod.daily(today));
        }
        if (today.getDayOfWeek() == settings.weeklyDay()) {
          runOnce(DigestPeriod.weekly(today));
        }
      }
    } catch (RuntimeException e) {
      log.error("The digest run failed; the next tick tries again", e);
    }
    deliver();
  }

  private void deliver() {
    try {
      Outbox.Delivered d = outbox.deliverDue(mailer);
      if (d.sent() + d.retrying() + d.failed() > 0) {
        log.info("Mail: {} sent, {} to retry, {} failed", d.sent(), d.retrying(), d.failed());
      }
    } catch (RuntimeException e) {
      log.error("Delivering mail failed; the next tick tries again", e);
    }
  }

  private void runOnce(DigestPeriod period) {
    boolean finished =
        db.read(
                c ->
                    Sql.count(
                        c,
                        "SELECT COUNT(*) FROM digest_runs WHERE period = ? AND finished_at IS NOT"
                            + " NULL",
                        period.key()))
            > 0;
    if (finished) {
      return;
    }
    db.transaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO digest_runs (period, started_at) VALUES (?, ?)"
                    + " ON CONFLICT (period) DO NOTHING",
                period.key(),
                clock.instant().toString()));
    DigestJob.Report report =
        job.run(period, DigestJob.Options.ALL, new PrintStream(OutputStream.nullOutputStream()));
    db.transaction(
        c ->
            Sql.update(
                c,
                "UPDATE digest_runs SET finished_at = ? WHERE period = ?",
                clock.instant().toString(),
                period.key()));
    log.info("Digest {}", report.summary());
  }

  @Override
  public void close() {
    ticker.close();
  }
}
