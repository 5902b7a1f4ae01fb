package dev.paperboy.cli;

import dev.paperboy.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every subcommand shares; they override the PAPERBOY_* environment variables. */
public final class ConfigOptions {

  @Option(
      names = "--host",
      description =
          "Address to listen on (env PAPERBOY_HOST, default " + Config.DEFAULT_HOST + ").")
  String host;

  @Option(
      names = "--port",
      description =
          "HTTP port, 0 for any free port (env PAPERBOY_PORT, default "
              + Config.DEFAULT_PORT
              + ").")
  Integer port;

  @Option(
      names = "--data-dir",
      description =
          "Where the database lives (env PAPERBOY_DATA_DIR, default ./"
              + Config.DEFAULT_DATA_DIR
              + ").")
  Path dataDir;

  public Config toConfig() {
    return Config.resolve(host, port, dataDir, System.getenv());
  }
}
