package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.storage.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's schedule on the embedded default (no SMTP server: .eml files in the outbox folder):
 * nothing before the digest hour, the daily and weekly digests once it has struck, and never again
 * that day, even after a restart.
 */
class DigestSchedulerTest {

  @TempDir Path dir;
  Path outbox;
  DigestFixture f;

  @BeforeEach
  void open() {
    outbox = dir.resolve("outbox");
    // Monday 24 Aug 2026, a minute before the 07:00 digest hour
    f =
        new DigestFixture(
            dir,
            "2026-08-24T06:59:00Z",
            new FileMailer(outbox, "Paperboy <papers@example.org>", java.time.Clock.systemUTC()));
    f.confirmed("daily@example.org", Subscriptions.Choices.DAILY_TRENDING);
    f.confirmed(
        "weekly@example.org",
        new Subscriptions.Choices(
            Subscription.Frequency.WEEKLY,
            Subscription.Kind.TRENDING,
            List.of(),
            List.of(),
            List.of()));
  }

  @AfterEach
  void close() {
    f.close();
  }

  List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(outbox)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  List<String> finishedRuns() {
    return f.db.read(
        c ->
            Sql.list(
                c,
                "SELECT period FROM digest_runs WHERE finished_at IS NOT NULL ORDER BY period",
                rs -> rs.getString(1)));
  }

  @Test
  void digestsGoOutOnceTheHourStrikesAndOnlyOnce() throws IOException {
    f.digests.scheduler().tick();
    assertEquals(
        List.of("confirm.1.1@papers.example.org.eml", "confirm.1.2@papers.example.org.eml"),
        files(),
        "before 07:00 only the two confirmations");
    assertTrue(finishedRuns().isEmpty());

    f.clock.advance(Duration.ofMinutes(1));
    f.digests.scheduler().tick();
    assertEquals(List.of("daily:2026-08-24", "weekly:2026-W34"), finishedRuns());
    assertEquals(
        List.of(
            "confirm.1.1@papers.example.org.eml",
            "confirm.1.2@papers.example.org.eml",
            "daily.2026-08-24.1@papers.example.org.eml",
            "weekly.2026-W34.2@papers.example.org.eml"),
        files());

    f.clock.advance(Duration.ofHours(3));
    f.digests.scheduler().tick();
    assertEquals(4, files().size(), "a later tick sends nothing again");
  }

  @Test
  void anEmlFileIsAWholeMessageAnyMailProgramOpens() throws IOException {
    f.clock.set(Instant.parse("2026-08-24T07:00:00Z"));
    f.digests.scheduler().tick();
    String eml =
        Files.readString(
            outbox.resolve("daily.2026-08-24.1@papers.example.org.eml"), StandardCharsets.UTF_8);
    assertTrue(eml.contains("Message-ID: <daily.2026-08-24.1@papers.example.org>"));
    assertTrue(eml.contains("To: daily@example.org"));
    assertTrue(eml.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assertTrue(eml.contains("Content-Type: multipart/alternative"));
    assertTrue(eml.contains("Subject: =?UTF-8?"), "the · in the subject is encoded");
  }
}
