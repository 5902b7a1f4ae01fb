package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests and confirmations over real SMTP: GreenMail runs a mail server in this JVM and the digest
 * side talks to it exactly as to any other.
 */
class DigestMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  static final LocalDate FRIDAY = LocalDate.of(2026, 8, 21);
  static final LocalDate MONDAY = LocalDate.of(2026, 8, 24);

  @TempDir Path dir;
  DigestFixture f;
  SmtpMailer smtp;

  @BeforeEach
  void open() {
    smtp =
        new SmtpMailer(
            new MailSettings.Smtp(
                "127.0.0.1",
                greenMail.getSmtp().getPort(),
                MailSettings.Smtp.Security.NONE,
                null,
                null),
            "Paperboy <papers@example.org>",
            java.time.Clock.systemUTC());
    f = new DigestFixture(dir, "2026-08-21T07:00:00Z", mail -> smtp.send(mail));
  }

  @AfterEach
  void close() {
    f.close();
  }

  DigestJob.Report run(DigestPeriod period) {
    return f.digests.job().run(period, DigestJob.Options.ALL, quiet());
  }

  static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  /** Forgets what was received so far; the server keeps running on its port. */
  static void clearInbox() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text part, decoded. */
  static String text(MimeMessage m) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
  }

  static List<String> recipients(MimeMessage[] messages) {
    return Arrays.stream(messages)
        .map(
            m -> {
              try {
                return m.getAllRecipients()[0].toString();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .sorted()
        .toList();
  }

  @Test
  void aConfirmationMailCarriesALinkThatConfirmsAndThenExpires() throws Exception {
    f.subscriptions()
        .subscribe("ada@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip");
    assertEquals(0, greenMail.getReceivedMessages().length, "queued, not sent by the caller");
    f.digests.outbox().deliverDue(f.digests.mailer());
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(1, received.length);
    assertEquals("Confirm your Paperboy subscription", received[0].getSubject());
    String body = text(received[0]);
    String link =
        body.lines()
            .filter(l -> l.startsWith(DigestFixture.URL + "/subscriptions/confirm?"))
            .findFirst()
            .orElseThrow()
            .strip();
    Map<String, String> q = DigestFixture.query(link);
    Subscription s = f.subscriptions().findByEmail("ada@example.org").orElseThrow();
    assertFalse(s.confirmed());
    assertFalse(f.subscriptions().confirm(s.id(), Long.parseLong(q.get("e")), q.get("t") + "x"));
    f.clock.advance(Duration.ofDays(7).plusMinutes(1));
    assertFalse(
        f.subscriptions().confirm(s.id(), Long.parseLong(q.get("e")), q.get("t")), "expired");
  }

  @Test
  void subscribingAgainNeitherSpamsAConfirmedAddressNorRepeatsWithinTheHour() {
    f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    assertEquals(
        Subscriptions.Outcome.ALREADY_CONFIRMED,
        f.subscriptions()
            .subscribe("ADA@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip"));
    f.subscriptions()
        .subscribe("bob@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip");
    assertEquals(
        Subscriptions.Outcome.CONFIRMATION_RECENTLY_SENT,
        f.subscriptions()
            .subscribe("bob@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip"));
    f.clock.advance(Duration.ofMinutes(61));
    assertEquals(
        Subscriptions.Outcome.CONFIRMATION_QUEUED,
        f.subscriptions()
            .subscribe("bob@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip"));
    f.digests.outbox().deliverDue(f.digests.mailer());
    assertEquals(
        List.of("ada@example.org", "bob@example.org", "bob@example.org"),
        recipients(greenMail.getReceivedMessages()),
        "ada's one confirmation and bob's two, an hour apart");
  }

  @Test
  void aDailyDigestGoesOnlyToConfirmedReadersWithUnsubscribeHeaders() throws Exception {
    f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.subscriptions()
        .subscribe("pending@example.org", Subscriptions.Choices.DAILY_TRENDING, null, "ip");
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();

    DigestJob.Report report = run(DigestPeriod.daily(FRIDAY));
    assertEquals(1, report.queued());
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(List.of("ada@example.org"), recipients(received));
    MimeMessage digest = received[0];
    assertEquals("Paperboy daily: 10 trending papers · 20 Aug 2026", digest.getSubject());
    assertEquals("<daily.2026-08-21.1@papers.example.org>", digest.getMessageID());
    assertTrue(
        digest.getHeader("List-Unsubscribe")[0].startsWith(
            "<https://papers.example.org/unsubscribe?s=1&t="));
    assertEquals("List-Unsubscribe=One-Click", digest.getHeader("List-Unsubscribe-Post")[0]);
    MimeMultipart parts = (MimeMultipart) digest.getContent();
    assertTrue(parts.getContentType().startsWith("multipart/alternative"));
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(html.contains(">Unsubscribe</a>"));
    assertTrue(html.contains("Zetta ζ: An Efficient Closed-Loop Embodied Harness"), "UTF-8 intact");

    assertEquals(1, run(DigestPeriod.daily(FRIDAY)).alreadyDone(), "a rerun sends nothing");
    assertEquals(1, greenMail.getReceivedMessages().length);
  }

  @Test
  void aWeeklyDigestCoversTheWeekAndATopicsDigestOnlyItsTopics() throws Exception {
    f.confirmed(
        "weekly@example.org",
        new Subscriptions.Choices(
            Subscription.Frequency.WEEKLY,
            Subscription.Kind.TRENDING,
            List.of(),
            List.of(),
            List.of()));
    f.confirmed(
        "agents@example.org",
        new Subscriptions.Choices(
            Subscription.Frequency.WEEKLY,
            Subscription.Kind.TOPICS,
            List.of("agent harness"),
            List.of(),
            List.of("Pietro Liò")));
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();

    assertEquals(2, run(DigestPeriod.weekly(MONDAY)).queued());
    Map<String, MimeMessage> byRecipient =
        Arrays.stream(greenMail.getReceivedMessages())
            .collect(Collectors.toMap(m -> recipients(new MimeMessage[] {m}).get(0), m -> m));
    assertEquals(
        "Paperboy weekly: 10 trending papers · 17 Aug – 23 Aug 2026",
        byRecipient.get("weekly@example.org").getSubject());
    String topics = text(byRecipient.get("agents@example.org"));
    assertTrue(topics.contains("SemaPLC"), "matches 'agent harness'");
    assertTrue(topics.contains("Looped Language Models"), "an author followed");
    assertFalse(topics.contains("OmniScientist"), "on neither topic");
  }

  @Test
  void aQuietPeriodSendsNothing() {
    f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();
    DigestJob.Report report = run(DigestPeriod.daily(LocalDate.of(2026, 8, 17))); // Fri 14 – Sun 16
    assertEquals(1, report.quiet());
    assertEquals(0, greenMail.getReceivedMessages().length);
    assertEquals(1, f.digests.outbox().counts().get("empty"));
  }

  @Test
  void aRunKilledMidwayAndRunAgainSendsEachReaderExactlyOneDigest() {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      f.confirmed(name + "@example.org", Subscriptions.Choices.DAILY_TRENDING);
    }
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();

    AtomicInteger sends = new AtomicInteger();
    Mailer dying =
        mail -> {
          if (sends.incrementAndGet() == 3) {
            throw new ProcessDied(); // the process is killed before the third message goes out
          }
          smtp.send(mail);
        };
    Digests crashing =
        Digests.create(
            f.db,
            f.papers,
            (k, from, to) -> java.util.Set.of(),
            PaperPicker.ForYouSource.NONE,
            DigestFixture.fixedSecret(dir),
            DigestFixture.URL,
            MailSettings.defaults("Paperboy <papers@example.org>"),
            dying,
            java.time.ZoneOffset.UTC,
            f.clock,
            f.leases);
    assertThrows(
        ProcessDied.class,
        () -> crashing.job().run(DigestPeriod.daily(FRIDAY), DigestJob.Options.ALL, quiet()));
    assertEquals(2, greenMail.getReceivedMessages().length);

    run(DigestPeriod.daily(FRIDAY)); // the restarted process runs the same digest again
    f.clock.advance(Outbox.STALE_CLAIM.plusMinutes(1)); // the cut-off claim goes stale
    f.digests.outbox().deliverDue(f.digests.mailer());
    assertEquals(
        List.of(
            "a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org"),
        recipients(greenMail.getReceivedMessages()));
  }

  /** Stands in for the process dying in the middle of a run. */
  static final class ProcessDied extends Error {}

  @Test
  void aTemporaryFailureIsRetriedAfterABackoffAndThenSucceeds() throws IOException {
    f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();
    AtomicInteger refusals = new AtomicInteger(1);
    MessageDeliveryHandler normal = greenMail.getUserManager().getMessageDeliveryHandler();
    greenMail
        .getUserManager()
        .setMessageDeliveryHandler(
            (message, address) -> {
              if (refusals.getAndDecrement() > 0) {
                throw new MessagingException("mailbox busy"); // GreenMail answers 451
              }
              return normal.handle(message, address);
            });

    DigestJob.Report first = run(DigestPeriod.daily(FRIDAY));
    assertEquals(1, first.delivered().retrying());
    assertEquals(0, greenMail.getReceivedMessages().length);
    assertEquals(
        0, f.digests.outbox().deliverDue(f.digests.mailer()).sent(), "not before the wait");
    f.clock.advance(Outbox.BACKOFF.get(0));
    assertEquals(1, f.digests.outbox().deliverDue(f.digests.mailer()).sent());
    assertEquals(List.of("ada@example.org"), recipients(greenMail.getReceivedMessages()));
    assertTrue(f.subscriptions().findByEmail("ada@example.org").orElseThrow().confirmed());
  }

  @Test
  void aPermanentRefusalDisablesTheAddressAndNothingMoreIsSentToIt() throws IOException {
    f.confirmed("gone@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.digests.outbox().deliverDue(f.digests.mailer());
    // GreenMail accepts every recipient; a scripted SMTP peer answers 550 for this one
    try (ScriptedSmtp server =
        new ScriptedSmtp("gone@example.org", "550 5.1.1 No such user here")) {
      SmtpMailer refusing =
          new SmtpMailer(
              new MailSettings.Smtp(
                  "127.0.0.1", server.port(), MailSettings.Smtp.Security.NONE, null, null),
              "Paperboy <papers@example.org>",
              f.clock);
      Outbox.Delivered d;
      DigestJob job =
          Digests.create(
                  f.db,
                  f.papers,
                  (k, from, to) -> java.util.Set.of(),
                  PaperPicker.ForYouSource.NONE,
                  DigestFixture.fixedSecret(dir),
                  DigestFixture.URL,
                  MailSettings.defaults("Paperboy <papers@example.org>"),
                  refusing,
                  java.time.ZoneOffset.UTC,
                  f.clock,
                  f.leases)
              .job();
      d = job.run(DigestPeriod.daily(FRIDAY), DigestJob.Options.ALL, quiet()).delivered();
      assertEquals(1, d.sent());
      assertEquals(1, d.failed());
      assertEquals(List.of("ada@example.org"), server.accepted());
    }
    Subscription gone = f.subscriptions().findByEmail("gone@example.org").orElseThrow();
    assertEquals(Subscription.State.DISABLED, gone.state());
    assertTrue(gone.disabledReason().contains("550"), gone.disabledReason());
    clearInbox();
    run(DigestPeriod.daily(MONDAY));
    assertEquals(List.of("ada@example.org"), recipients(greenMail.getReceivedMessages()));
  }

  @Test
  void anUnsubscribedReaderGetsNothingMore() {
    Subscription ada = f.confirmed("ada@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.digests.outbox().deliverDue(f.digests.mailer());
    clearInbox();
    Map<String, String> q = DigestFixture.query(f.subscriptions().links().unsubscribe(ada));
    assertFalse(f.subscriptions().unsubscribe(ada.id(), "forged"));
    assertTrue(f.subscriptions().unsubscribe(ada.id(), q.get("t")));
    run(DigestPeriod.daily(FRIDAY));
    assertEquals(0, greenMail.getReceivedMessages().length);
  }
}
