package dev.paperboy.digest;

import dev.paperboy.storage.Database;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One digest run for a period: for each confirmed subscriber of that frequency, picks their papers,
 * records the composed mail in the outbox (or that the period was quiet for them), then delivers
 * what is due. Running it twice for a period sends nothing new: each (subscriber, period) has one
 * outbox row.
 */
public final class DigestJob {

  /**
   * {@code dryRun} prints what would be sent and records nothing; {@code only} limits to one
   * address.
   */
  public record Options(boolean dryRun, String only) {
    public static final Options ALL = new Options(false, null);
  }

  /** What a run did. */
  public record Report(
      String period,
      int subscribers,
      int queued,
      int alreadyDone,
      int quiet,
      Outbox.Delivered delivered) {

    public String summary() {
      return String.format(
          Locale.ROOT,
          "%s: %d subscribers, %d digests queued, %d already done, %d with nothing to send;"
              + " delivered %d, retrying %d, failed %d",
          period,
          subscribers,
          queued,
          alreadyDone,
          quiet,
          delivered.sent(),
          delivered.retrying(),
          delivered.failed());
    }
  }

  private final Database db;
  private final Subscriptions subscriptions;
  private final Outbox outbox;
  private final DigestComposer composer;
  private final PaperPicker picker;
  private final Mailer mailer;
  private final int size;

  DigestJob(
      Database db,
      Subscriptions subscriptions,
      Outbox outbox,
      DigestComposer composer,
      PaperPicker picker,
      Mailer mailer,
      int size) {
    this.db = db;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.composer = composer;
    this.picker = picker;
    this.mailer = mailer;
    this.size = size;
  }

  public Report run(DigestPeriod period, Options options, PrintStream out) {
    List<Subscription> due =
        subscriptions.confirmed(period.frequency()).stream()
            .filter(s -> options.only() == null || s.email().equalsIgnoreCase(options.only()))
            .toList();
    int queued = 0;
    int done = 0;
    int quiet = 0;
    for (Subscription s : due) {
      if (outbox.has(s.id(), period.key())) {
        done++;
        continue;
      }
      List<PaperPicker.Picked> papers = picker.picks(s, period, size);
      if (papers.isEmpty()) {
        quiet++;
        if (options.dryRun()) {
          out.printf(Locale.ROOT, "%s: nothing to send for %s%n", s.email(), period.label());
        } else {
          db.transaction(c -> outbox.recordEmpty(c, s.id(), period.key(), s.email()));
        }
        continue;
      }
      OutgoingMail mail = composer.digestPicked(s, period, papers, subscriptions.links());
      if (options.dryRun()) {
        out.printf(Locale.ROOT, "To: %s%nSubject: %s%n", mail.to(), mail.subject());
        papers.forEach(
            k ->
                out.printf(
                    Locale.ROOT,
                    "  ▲ %4d  %s  %s%n",
                    k.paper().totalUpvotes(),
                    k.paper().id(),
                    k.paper().title()));
        out.println();
      } else if (db.transaction(c -> outbox.queue(c, s.id(), period.key(), mail))) {
        queued++;
      } else {
        done++; // another process queued it first
      }
    }
    Outbox.Delivered delivered =
        options.dryRun() ? new Outbox.Delivered(0, 0, 0) : outbox.deliverDue(mailer);
    return new Report(period.key(), due.size(), queued, done, quiet, delivered);
  }
}
