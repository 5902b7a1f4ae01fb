package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the application for a subcommand, logging the settings it runs with. */
final class Launch {

  private static final Logger log = LoggerFactory.getLogger(Launch.class);

  private Launch() {}

  static App open(Config config) {
    StringBuilder line = new StringBuilder("Configuration:");
    for (Map.Entry<String, String> e : config.describe().entrySet()) {
      line.append(' ').append(e.getKey()).append('=').append(e.getValue()).append(';');
    }
    log.info(line.substring(0, line.length() - 1));
    return new App(config);
  }
}
