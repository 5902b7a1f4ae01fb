package dev.paperboy.cli;

import dev.paperboy.App;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the feeds, paper pages and JSON API from the data directory.")
public final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    App app = Launch.open(options.toConfig());
    serveUntilStopped(app, started);
    return 0;
  }

  /** Starts the server, logs where it listens and blocks until the JVM is asked to stop. */
  static void serveUntilStopped(App app, long startedNanos) throws InterruptedException {
    var web = app.serve();
    int count = app.papers().countAll();
    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
    log.info(
        "Paperboy is up in {} ms: http://{}:{}/ serving {} papers",
        ms,
        "0.0.0.0".equals(app.config().host()) ? "localhost" : app.config().host(),
        web.port(),
        count);
    if (count == 0) {
      log.warn("The database is empty: run './paperboy import PATH...' or './paperboy demo'.");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping Paperboy");
                  app.close();
                  stopped.countDown();
                },
                "paperboy-shutdown"));
    stopped.await();
  }
}
