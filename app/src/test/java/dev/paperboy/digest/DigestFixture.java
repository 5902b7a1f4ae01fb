package dev.paperboy.digest;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.search.TestSearches;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Digests over two real Hugging Face days (Thu 20 and Fri 21 Aug 2026) on real SQLite and a real
 * keyword index, with a clock the test moves and a fixed secret, sending through the given mailer.
 */
final class DigestFixture implements AutoCloseable {

  static final String URL = "https://papers.example.org";

  final TestClock clock;
  final Database db;
  final Leases leases;
  final PaperStore papers;
  final Search search;
  final Digests digests;

  DigestFixture(Path dir, String now, Mailer mailer) {
    clock = TestClock.at(now);
    db = TestDatabases.open(dir);
    leases = new Leases(db, "test-node", clock);
    papers = new PaperStore(db);
    search = TestSearches.keywordOnly(db, dir.resolve("index"));
    new ImportJob(papers, new PrintStream(OutputStream.nullOutputStream()))
        .run(
            List.of(
                TestApps.resource("web/2026-08-20.json"),
                TestApps.resource("web/2026-08-21.json")));
    search.follower().catchUp(null);
    digests =
        Digests.create(
            db,
            papers,
            (keyword, from, to) ->
                search
                    .service()
                    .search(
                        new SearchRequest(
                            keyword, from, to, null, false, SearchRequest.Order.RELEVANCE, 0, 500),
                        SearchMode.KEYWORD,
                        false)
                    .hits()
                    .stream()
                    .map(SearchResults.Hit::id)
                    .collect(Collectors.toSet()),
            PaperPicker.ForYouSource.NONE,
            fixedSecret(dir),
            URL,
            MailSettings.defaults("Paperboy <papers@example.org>"),
            mailer,
            ZoneOffset.UTC,
            clock,
            leases);
  }

  static Secret fixedSecret(Path dir) {
    try {
      byte[] key = new byte[32];
      for (int i = 0; i < key.length; i++) {
        key[i] = (byte) i;
      }
      Path file = dir.resolve("secret.key");
      Files.write(file, key);
      return Secret.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Subscriptions subscriptions() {
    return digests.subscriptions();
  }

  /** Subscribes and clicks the confirmation link, as the reader would. */
  Subscription confirmed(String email, Subscriptions.Choices choices) {
    subscriptions().subscribe(email, choices, null, "10.0.0.1");
    Subscription s = subscriptions().findByEmail(email).orElseThrow();
    Map<String, String> q = query(subscriptions().links().confirm(s));
    if (!subscriptions()
        .confirm(Long.parseLong(q.get("s")), Long.parseLong(q.get("e")), q.get("t"))) {
      throw new IllegalStateException("confirmation failed");
    }
    return subscriptions().findByEmail(email).orElseThrow();
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return out;
  }

  @Override
  public void close() {
    search.close();
    db.close();
  }
}
