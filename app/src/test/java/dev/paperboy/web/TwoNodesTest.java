package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.NodeSettings;
import dev.paperboy.Poll;
import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.digest.DigestJob;
import dev.paperboy.digest.DigestPeriod;
import dev.paperboy.digest.Subscription;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.storage.Sql;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Paperboy nodes on one database, each with its own search index, as behind a load balancer: a
 * browser's requests land on either, and the mail goes out once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwoNodesTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  static final String PAPER = "2608.19880";
  static final String PASSWORD = "correct horse battery";
  static final URI NO_ARXIV = URI.create("http://127.0.0.1:9/");
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;
  // Monday 24 Aug 2026 at the 07:00 digest hour: the first tick of the mail lease holder runs both
  TestClock clock = TestClock.at("2026-08-24T07:00:00Z");
  App a;
  App b;

  @BeforeEach
  void open() {
    Config config =
        TestDatabases.config(dir)
            .withEmbeddingModel("none")
            .withArxivApiUrl(NO_ARXIV)
            .withMail(TestApps.smtpOn(greenMail.getSmtp().getPort()))
            .withTrustedProxies(List.of("127.0.0.1")); // the load balancer names the client
    a = new App(config.withNode(new NodeSettings("node-a", dir.resolve("index-a"))), clock);
    b = new App(config.withNode(new NodeSettings("node-b", dir.resolve("index-b"))), clock);
    new ImportJob(a.papers(), QUIET, ImportLimits.DEFAULTS, clock)
        .run(
            Stream.of("web/2026-08-20.json", "web/2026-08-21.json")
                .map(TestApps::resource)
                .toList());
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  void serveBoth() {
    TestApps.serving(a);
    TestApps.serving(b);
  }

  static String paperJson(App node) {
    return new WebClient(TestApps.baseUrl(node)).get("/api/papers/" + PAPER).body();
  }

  @Test
  void aBrowserSignedInOnOneNodeVotesOnTheOtherAndBothShowTheVote() {
    serveBoth();
    long before = a.papers().find(PAPER).orElseThrow().totalUpvotes();
    WebClient onA = new WebClient(TestApps.baseUrl(a));
    assertEquals(303, onA.signUpAndConfirm(a, "ada@example.org", "Ada", PASSWORD).statusCode());

    // the session cookie and the CSRF token node A gave work on node B
    WebClient onB = onA.onNode(TestApps.baseUrl(b));
    HttpResponse<String> vote = onB.postJson("/papers/" + PAPER + "/vote");
    assertEquals(200, vote.statusCode(), vote.body());
    assertTrue(vote.body().contains("\"upvoted\":true"), vote.body());

    assertTrue(paperJson(a).contains("\"upvotes\":" + (before + 1)), paperJson(a));
    assertTrue(paperJson(b).contains("\"upvotes\":" + (before + 1)), paperJson(b));
    String page = onA.get("/papers/" + PAPER).body();
    assertTrue(page.contains("Sign out"), "still signed in on A");

    // and back on A, the vote B recorded is the one A takes away
    HttpResponse<String> unvote = onA.postJson("/papers/" + PAPER + "/vote");
    assertTrue(unvote.body().contains("\"upvoted\":false"), unvote.body());
    assertTrue(paperJson(b).contains("\"upvotes\":" + before), paperJson(b));
  }

  @Test
  void aSignInRefusedOnOneNodeForAnAccountIsRefusedOnTheOther() {
    serveBoth();
    a.community()
        .accounts()
        .create("bob@example.org", "Bob", PASSWORD, dev.paperboy.community.Role.USER);
    // a guesser spread over addresses and both nodes, from browsers Bob never used
    int refused = 0;
    for (int i = 0; i < 24; i++) {
      WebClient node = new WebClient(TestApps.baseUrl(i % 2 == 0 ? a : b));
      node.get("/signin");
      HttpResponse<String> tried =
          node.postRaw(
              "/signin",
              Map.of("email", "bob@example.org", "password", "wrong " + i, "_csrf", node.csrf()),
              Map.of("X-Forwarded-For", "10.0.0." + i));
      if (tried.statusCode() == 429) {
        refused++;
      }
    }
    assertEquals(4, refused, "20 tries an account per 15 minutes, counted across the nodes");
  }

  @Test
  void withBothNodesUpEachDigestGoesOutExactlyOnce() throws Exception {
    Subscription daily = confirmed("daily@example.org", Subscriptions.Choices.DAILY_TRENDING);
    confirmed("weekly@example.org", Subscriptions.Choices.WEEKLY_TRENDING);
    // the day's and the week's runs started on both nodes at once (by hand, as the schedule would
    // if two nodes ran it): each digest is queued by one of them
    LocalDate monday = LocalDate.of(2026, 8, 24);
    List<CompletableFuture<DigestJob.Report>> runs =
        Stream.of(a, b)
            .flatMap(
                node ->
                    Stream.of(DigestPeriod.daily(monday), DigestPeriod.weekly(monday))
                        .map(
                            period ->
                                CompletableFuture.supplyAsync(
                                    () ->
                                        node.digests()
                                            .job()
                                            .run(period, DigestJob.Options.ALL, QUIET))))
            .toList();
    int queued = 0;
    for (CompletableFuture<DigestJob.Report> run : runs) {
      queued += run.get().queued();
    }
    assertEquals(2, queued);

    // then both serve: the mail lease holder's first tick runs the schedule, finding it all done
    serveBoth();
    assertTrue(greenMail.waitForIncomingEmail(20_000, 4), "two confirmations and two digests");
    Poll.until(
        Duration.ofSeconds(20),
        "the lease holder's tick to record both digest runs finished",
        () -> finishedRuns() >= 2);
    b.digests().outbox().deliverDue(b.digests().mailer());
    a.digests().outbox().deliverDue(a.digests().mailer());

    assertEquals(4, greenMail.getReceivedMessages().length);
    assertEquals(Map.of("sent", 4), a.digests().outbox().counts());
    assertEquals(
        2,
        greenMail.getReceivedMessagesForDomain(daily.email()).length,
        "the daily reader got a confirmation and one digest");
    Optional<String> holder = a.leases().holder("mail");
    assertTrue(
        holder.equals(Optional.of("node-a")) || holder.equals(Optional.of("node-b")),
        holder.toString());
  }

  long finishedRuns() {
    return b.database()
        .read(c -> Sql.count(c, "SELECT COUNT(*) FROM digest_runs WHERE finished_at IS NOT NULL"));
  }

  /** Subscribes on node A and follows the mailed link on node B (signed by A, checked by B). */
  Subscription confirmed(String email, Subscriptions.Choices choices) {
    a.digests().subscriptions().subscribe(email, choices, null, "10.0.0.1");
    Subscription s = a.digests().subscriptions().findByEmail(email).orElseThrow();
    Map<String, String> q = new HashMap<>();
    for (String pair :
        URI.create(a.digests().subscriptions().links().confirm(s)).getRawQuery().split("&")) {
      q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    assertTrue(
        b.digests()
            .subscriptions()
            .confirm(Long.parseLong(q.get("s")), Long.parseLong(q.get("e")), q.get("t")),
        "node B honours node A's link");
    return b.digests().subscriptions().findByEmail(email).orElseThrow();
  }
}
