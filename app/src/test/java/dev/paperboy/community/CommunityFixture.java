package dev.paperboy.community;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.ArxivApiClient;
import dev.paperboy.harvest.FakeArxiv;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The community on a real SQLite file, with a clock the test moves and arXiv replayed from recorded
 * answers on a local port (waits between requests are skipped, not slept).
 */
final class CommunityFixture implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";

  final TestClock clock;
  final Database db;
  final PaperStore papers;
  final FakeArxiv arxiv;
  final ArxivApiClient arxivClient;
  final CommunityServices services;
  final Letters mail = new Letters();

  /** The account mail that would have gone out, newest last. */
  static final class Letters implements AccountMail {

    /** One mail: its kind ("signup", "signup-again", "reset"), the address and the link path. */
    record Letter(String kind, String email, String path) {}

    final List<Letter> sent = new ArrayList<>();

    @Override
    public void finishSignUp(String email, String name, String path, Duration validFor) {
      sent.add(new Letter("signup", email, path));
    }

    @Override
    public void alreadySignedUp(String email, String name) {
      sent.add(new Letter("signup-again", email, null));
    }

    @Override
    public void resetPassword(String email, String name, String path, Duration validFor) {
      sent.add(new Letter("reset", email, path));
    }

    Letter last() {
      if (sent.isEmpty()) {
        throw new AssertionError("no account mail was sent");
      }
      return sent.get(sent.size() - 1);
    }
  }

  CommunityFixture(Path dir, String now) {
    this(dir, now, TestDatabases.open(dir));
  }

  /** A fixture on this database (the embedded one, say, whatever the test run's database). */
  CommunityFixture(Path dir, String now, Database db) {
    try {
      clock = TestClock.at(now);
      this.db = db;
      papers = new PaperStore(db);
      arxiv =
          new FakeArxiv(clock)
              .replaying(
                  "id_1605.08386_s0_m100_199195aa31ad.json",
                  "id_0000.0000_s0_m100_8b51d9633a68.json");
      arxivClient =
          new ArxivApiClient(
              ArxivApiClient.Settings.defaults().withEndpoint(arxiv.endpoint()), clock, d -> {});
      services =
          CommunityServices.create(
              db,
              papers,
              arxivClient,
              clock,
              ZoneOffset.UTC,
              Submissions.Rules.DEFAULT,
              Secret.load(dir.resolve("secret.key")),
              mail,
              new Leases(db, "test-node", clock));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void importing(String... resources) {
    new ImportJob(papers, new PrintStream(OutputStream.nullOutputStream()))
        .run(Arrays.stream(resources).map(TestApps::resource).toList());
  }

  User user(String name) {
    return services.accounts().create(name + "@example.org", name, PASSWORD, Role.USER);
  }

  User admin(String name) {
    return services.accounts().create(name + "@example.org", name, PASSWORD, Role.ADMIN);
  }

  /** The user as stored now (after a block, say). */
  User reload(User user) {
    return services.accounts().find(user.id()).orElseThrow();
  }

  @Override
  public void close() {
    arxivClient.close();
    arxiv.close();
    db.close();
  }
}
