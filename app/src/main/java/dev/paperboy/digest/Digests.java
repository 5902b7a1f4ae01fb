package dev.paperboy.digest;

import dev.paperboy.community.AccountMail;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** The mail side of Paperboy, built once by the composition root. */
public record Digests(
    Subscriptions subscriptions,
    AccountMail accountMail,
    Outbox outbox,
    DigestJob job,
    DigestScheduler scheduler,
    Mailer mailer,
    MailSettings settings) {

  /**
   * Wires the mail side: SMTP when {@code settings} name a server, otherwise .eml files in {@code
   * outboxFolder}; the schedule runs on the node holding the mail lease of {@code leases}.
   */
  public static Digests create(
      Database db,
      PaperStore papers,
      PaperPicker.KeywordSearch search,
      PaperPicker.ForYouSource forYou,
      Secret secret,
      String publicUrl,
      MailSettings settings,
      Path outboxFolder,
      ZoneId zone,
      Clock clock,
      Leases leases) {
    Mailer mailer =
        settings.smtp() != null
            ? new SmtpMailer(settings.smtp(), settings.from(), clock)
            : new FileMailer(outboxFolder, settings.from(), clock);
    return create(
        db, papers, search, forYou, secret, publicUrl, settings, mailer, zone, clock, leases);
  }

  /** The same with a given mailer. */
  public static Digests create(
      Database db,
      PaperStore papers,
      PaperPicker.KeywordSearch search,
      PaperPicker.ForYouSource forYou,
      Secret secret,
      String publicUrl,
      MailSettings settings,
      Mailer mailer,
      ZoneId zone,
      Clock clock,
      Leases leases) {
    DigestComposer composer = new DigestComposer();
    Outbox outbox = new Outbox(db, clock);
    Subscriptions subscriptions =
        new Subscriptions(db, outbox, composer, new SignedLinks(secret, publicUrl, clock), clock);
    DigestJob job =
        new DigestJob(
            db,
            subscriptions,
            outbox,
            composer,
            new PaperPicker(papers, search, forYou),
            mailer,
            settings.size());
    DigestScheduler scheduler =
        new DigestScheduler(db, job, outbox, mailer, settings, zone, clock, leases);
    return new Digests(
        subscriptions,
        new AccountLetters(db, outbox, publicUrl, scheduler::wake, clock),
        outbox,
        job,
        scheduler,
        mailer,
        settings);
  }
}
