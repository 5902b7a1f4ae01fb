package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered mail over fixed data, checked against golden files in src/test/resources/digest.
 * After an intended change, regenerate them with {@code ./mvnw test -Dtest=DigestComposerTest
 * -Dgolden.update=true} and read the diff.
 */
class DigestComposerTest {

  static final Path GOLDEN = Path.of("src/test/resources/digest");

  @TempDir Path dir;
  DigestFixture f;
  SignedLinks links;

  @BeforeEach
  void open() {
    f = new DigestFixture(dir, "2026-08-21T07:00:00Z", mail -> {});
    links = f.subscriptions().links();
  }

  @AfterEach
  void close() {
    f.close();
  }

  static Subscription subscription(
      Subscription.Frequency frequency, Subscription.Kind kind, List<String> keywords) {
    return new Subscription(
        7,
        "ada@example.org",
        null,
        frequency,
        kind,
        keywords,
        List.of(),
        List.of(),
        Subscription.State.CONFIRMED,
        "a-fixed-link-key",
        1,
        null,
        Instant.parse("2026-08-01T10:00:00Z"),
        null);
  }

  List<Paper> top(LocalDate from, LocalDate to) {
    return f.papers.feed(from, to, PaperStore.Order.UPVOTES, 0, 10);
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
  }

  @Test
  void aDailyTrendingDigestMatchesItsGoldenFiles() throws IOException {
    DigestPeriod friday = DigestPeriod.daily(LocalDate.of(2026, 8, 21));
    OutgoingMail mail =
        new DigestComposer()
            .digest(
                subscription(Subscription.Frequency.DAILY, Subscription.Kind.TRENDING, List.of()),
                friday,
                top(friday.from(), friday.to()),
                links);
    assertEquals("Paperboy daily: 10 trending papers · 20 Aug 2026", mail.subject());
    assertEquals("<daily.2026-08-21.7@papers.example.org>", mail.messageId());
    assertTrue(
        mail.headers()
            .get("List-Unsubscribe")
            .startsWith("<" + DigestFixture.URL + "/unsubscribe?s=7&t="));
    assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"));
    assertGolden("daily-trending.txt", mail.text());
    assertGolden("daily-trending.html", mail.html());
  }

  @Test
  void aWeeklyTopicsDigestMatchesItsGoldenFiles() throws IOException {
    DigestPeriod week = DigestPeriod.weekly(LocalDate.of(2026, 8, 24));
    List<Paper> agents =
        top(week.from(), week.to()).stream().filter(p -> p.title().contains("Agent")).toList();
    OutgoingMail mail =
        new DigestComposer()
            .digest(
                subscription(
                    Subscription.Frequency.WEEKLY, Subscription.Kind.TOPICS, List.of("agents")),
                week,
                agents,
                links);
    assertEquals(
        "Paperboy weekly: " + agents.size() + " papers on your topics · 17 Aug – 23 Aug 2026",
        mail.subject());
    assertGolden("weekly-topics.txt", mail.text());
    assertGolden("weekly-topics.html", mail.html());
  }

  @Test
  void theConfirmationMailCarriesOneExpiringLinkAndNothingElse() throws IOException {
    OutgoingMail mail =
        new DigestComposer()
            .confirmation(
                subscription(Subscription.Frequency.DAILY, Subscription.Kind.TRENDING, List.of()),
                links);
    assertEquals("Confirm your Paperboy subscription", mail.subject());
    assertTrue(mail.headers().get("List-Unsubscribe") == null, "nothing to unsubscribe from yet");
    assertGolden("confirm.txt", mail.text());
  }

  @Test
  void titlesAndSummariesAreEscapedInTheHtml() {
    Paper hostile =
        new Paper(
            "2608.99001",
            1,
            "<script>alert(1)</script> Attention",
            "An abstract with <img src=x onerror=alert(2)>.",
            List.of("Ada & Co"),
            List.of("cs.LG"),
            null,
            null,
            LocalDate.of(2026, 8, 20),
            5,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            java.util.Set.of(),
            Paper.Community.NONE,
            false);
    String html =
        new DigestComposer()
            .digest(
                subscription(Subscription.Frequency.DAILY, Subscription.Kind.TRENDING, List.of()),
                DigestPeriod.daily(LocalDate.of(2026, 8, 21)),
                List.of(hostile),
                links)
            .html();
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention"));
    assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assertTrue(html.contains("Ada &amp; Co"));
  }
}
