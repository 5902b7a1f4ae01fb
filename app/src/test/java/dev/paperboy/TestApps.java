package dev.paperboy;

import dev.paperboy.digest.MailSettings;
import dev.paperboy.harvest.FakeArxiv;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.storage.Sql;
import dev.paperboy.thumbnail.ThumbnailSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real Paperboy on a temporary SQLite file and a free port, filled from test resources. */
public final class TestApps {

  private TestApps() {}

  public static Path resource(String name) {
    try {
      var url = TestApps.class.getClassLoader().getResource(name);
      if (url == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Imports the named resources and starts serving; the caller closes the app. */
  public static App serving(Path dataDir, String... resources) {
    return serving(new App(TestDatabases.config(dataDir)), resources);
  }

  /**
   * Serves on a clock the test controls, without the embedding model (keyword search only, to start
   * fast), asking the given arXiv endpoint for submitted papers.
   */
  public static App serving(Path dataDir, Clock clock, URI arxiv, String... resources) {
    Config config = TestDatabases.config(dataDir).withEmbeddingModel("none").withArxivApiUrl(arxiv);
    return serving(new App(config, clock), resources);
  }

  /** A served Paperboy and the fake arXiv it asks; closing stops both. */
  public record WithArxiv(App app, FakeArxiv arxiv) implements AutoCloseable {
    public String base() {
      return baseUrl(app);
    }

    @Override
    public void close() {
      app.close();
      arxiv.close();
    }
  }

  /**
   * {@link #serving(Path, Clock, URI, String...)} with a local arXiv that replays these recordings
   * (and answers 404 to anything else).
   */
  public static WithArxiv servingWithArxiv(
      Path dataDir, Clock clock, List<String> recordings, String... resources) throws IOException {
    FakeArxiv arxiv = new FakeArxiv(clock).replaying(recordings.toArray(String[]::new));
    return new WithArxiv(serving(dataDir, clock, arxiv.endpoint(), resources), arxiv);
  }

  /** A keyword-only Paperboy whose public address is https (Secure cookies, HSTS). */
  public static Config behindHttps(Path dataDir, URI arxiv) {
    return new Config(
        "127.0.0.1",
        0,
        dataDir,
        "none",
        ZoneOffset.UTC,
        "https://papers.example.org",
        14,
        5,
        arxiv,
        null,
        null,
        null,
        List.of(),
        null,
        DatabaseSettings.EMBEDDED,
        SearchSettings.EMBEDDED,
        ThumbnailSettings.defaults(false));
  }

  /** Mail through the SMTP server on this local port (GreenMail in tests), no TLS, no login. */
  public static MailSettings smtpOn(int port) {
    return MailSettings.defaults("Paperboy <papers@example.org>")
        .withSmtp(
            new MailSettings.Smtp("127.0.0.1", port, MailSettings.Smtp.Security.NONE, null, null));
  }

  /** Imports the resources into the app and starts it; the caller closes it. */
  public static App serving(App app, String... resources) {
    List<Path> paths = Arrays.stream(resources).map(TestApps::resource).toList();
    new ImportJob(
            app.papers(),
            new PrintStream(OutputStream.nullOutputStream()),
            ImportLimits.DEFAULTS,
            app.clock())
        .run(paths);
    app.search()
        .follower()
        .catchUp(null); // searchable before the first request, not when the follower runs
    app.serve();
    return app;
  }

  /**
   * The newest link to {@code path} (a path such as {@code /signup/confirm}) in mail the app queued
   * for {@code email}, without the host: what the person would click. Fails when there is none.
   */
  public static String mailedLink(App app, String email, String path) {
    String prefix = app.config().publicUrl() + path;
    List<String> bodies =
        app.database()
            .read(
                c ->
                    Sql.list(
                        c,
                        "SELECT text_body FROM outbox WHERE recipient = ? ORDER BY id DESC",
                        rs -> rs.getString(1),
                        email));
    for (String body : bodies) {
      Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(body);
      if (m.find()) {
        return m.group().substring(app.config().publicUrl().length());
      }
    }
    throw new AssertionError("no mail to " + email + " links to " + path + ": " + bodies);
  }

  public static String baseUrl(App app) {
    return "http://127.0.0.1:" + app.port();
  }
}
