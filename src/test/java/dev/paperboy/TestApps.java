package dev.paperboy;

import dev.paperboy.ingest.ImportJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
    App app = new App(new Config("127.0.0.1", 0, dataDir));
    List<Path> paths = Arrays.stream(resources).map(TestApps::resource).toList();
    new ImportJob(app.papers(), new PrintStream(OutputStream.nullOutputStream())).run(paths);
    app.serve();
    return app;
  }

  public static String baseUrl(App app) {
    return "http://127.0.0.1:" + app.port();
  }
}
