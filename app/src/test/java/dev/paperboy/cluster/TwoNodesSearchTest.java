package dev.paperboy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Poll;
import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.community.Role;
import dev.paperboy.community.User;
import dev.paperboy.ingest.ImportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Paperboy nodes on one database, each with its own search index following the shared change
 * log: what one node writes, the other shows at once (votes) or within seconds (search).
 */
class TwoNodesSearchTest {

  @TempDir Path dir;
  App a;
  App b;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    a =
        TestApps.serving(
            new App(TestDatabases.config(dir.resolve("a")).withEmbeddingModel("none")),
            "web/2026-08-21.json");
    b =
        new App(
            TestDatabases.config(dir.resolve("b"))
                .withDatabase(TestDatabases.sharedWith(dir.resolve("a")))
                .withEmbeddingModel("none"));
    b.serve();
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
  }

  String get(App node, String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(TestApps.baseUrl(node) + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r::body);
    return r.body();
  }

  String search(App node, String q) throws IOException, InterruptedException {
    return get(node, "/api/papers/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  /** Polls the other node until its answer passes (its follower reads the log twice a second). */
  String within(Duration limit, App node, String q, Predicate<String> until) throws Exception {
    String[] body = {null};
    try {
      Poll.until(limit, "an answer to '" + q + "'", () -> until.test(body[0] = search(node, q)));
    } catch (AssertionError timedOut) {
      // the caller's assertion says what the last answer held
    }
    return body[0];
  }

  @Test
  void anImportVoteAndHideOnOneNodeReachTheOthersSearch() throws Exception {
    // papers imported before the second node started: its new index reads the whole log
    assertTrue(
        within(Duration.ofSeconds(10), b, "EnvHarness", s -> s.contains("2608.19880"))
            .contains("2608.19880"));

    new ImportJob(a.papers(), new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(TestApps.resource("web/2026-08-20.json")));
    String found =
        within(Duration.ofSeconds(5), b, "SPADE self-play", s -> s.contains("2608.19197"));
    assertTrue(found.contains("2608.19197"), "imported on a, found on b: " + found);

    User ada =
        a.community()
            .accounts()
            .create("ada@example.org", "Ada", "correct horse battery", Role.USER);
    long before = upvotes(get(b, "/api/papers/2608.19197"));
    a.community().votes().toggle(ada, "2608.19197");
    assertEquals(
        before + 1, upvotes(get(b, "/api/papers/2608.19197")), "the vote counts on b at once");

    a.database().transaction(c -> a.papers().setHidden(c, "2608.19197", true));
    String hidden =
        within(Duration.ofSeconds(5), b, "SPADE self-play", s -> !s.contains("2608.19197"));
    assertFalse(hidden.contains("2608.19197"), "hidden on a, gone from b's search: " + hidden);
  }

  static long upvotes(String paperJson) {
    var m = java.util.regex.Pattern.compile("\"upvotes\":(\\d+)").matcher(paperJson);
    assertTrue(m.find(), paperJson);
    return Long.parseLong(m.group(1));
  }
}
