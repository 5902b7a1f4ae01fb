package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.digest.DigestJob;
import dev.paperboy.digest.DigestPeriod;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Send the digests due for a day now: the job the server runs at its digest hour.",
      "A digest already sent for that period is never sent again; --dry-run only prints.",
      "Without SMTP settings the mail is written as .eml files to DATA_DIR/outbox.",
      "Example: ./paperboy digest --dry-run --to ada@example.org"
    })
public final class DigestCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--weekly", description = "The weekly digest instead of the daily one.")
  boolean weekly;

  @Option(
      names = "--day",
      paramLabel = "YYYY-MM-DD",
      description = "The day the digest is sent on (default: today in PAPERBOY_TIME_ZONE).")
  LocalDate day;

  @Option(names = "--dry-run", description = "Print what would be sent; send and record nothing.")
  boolean dryRun;

  @Option(
      names = "--to",
      paramLabel = "EMAIL",
      description = "Only this subscriber (a confirmed subscription).")
  String to;

  @Override
  public Integer call() {
    try (App app = Launch.open(options.toConfig())) {
      LocalDate sendDay =
          day != null ? day : LocalDate.now(app.clock().withZone(app.config().timeZone()));
      DigestPeriod period;
      try {
        period = weekly ? DigestPeriod.weekly(sendDay) : DigestPeriod.daily(sendDay);
      } catch (IllegalArgumentException e) {
        System.err.println("paperboy: " + e.getMessage() + " (use --day, or --weekly)");
        return 2;
      }
      if (to != null
          && app.digests().subscriptions().findByEmail(to).filter(s -> s.confirmed()).isEmpty()) {
        System.err.println("paperboy: " + to + " has no confirmed subscription");
        return 2;
      }
      System.err.println(
          "paperboy: " + (dryRun ? "dry run of " : "") + period.key() + ", " + period.label());
      DigestJob.Report report =
          app.digests().job().run(period, new DigestJob.Options(dryRun, to), System.out);
      System.out.println(report.summary());
      if (!dryRun && app.config().mail().smtp() == null) {
        System.out.println("mail written to " + app.config().outboxDir());
      }
      return report.delivered().failed() > 0 ? 1 : 0;
    }
  }
}
