package dev.paperboy;

import dev.paperboy.cli.BackupCommand;
import dev.paperboy.cli.BenchCommand;
import dev.paperboy.cli.DemoCommand;
import dev.paperboy.cli.DevClusterCommand;
import dev.paperboy.cli.DigestCommand;
import dev.paperboy.cli.EvalCommand;
import dev.paperboy.cli.HarvestCommand;
import dev.paperboy.cli.ImportCommand;
import dev.paperboy.cli.MigrateCommand;
import dev.paperboy.cli.ReindexCommand;
import dev.paperboy.cli.RestoreCommand;
import dev.paperboy.cli.ServeCommand;
import dev.paperboy.cli.StatusCommand;
import dev.paperboy.cli.UserCommand;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code paperboy serve|import|demo}. Exit codes: 0 ok, 1 partial, 2 failure. */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    version = "Paperboy 0.1",
    description = "A self-hosted Daily Papers hub.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      DemoCommand.class,
      ReindexCommand.class,
      EvalCommand.class,
      StatusCommand.class,
      BenchCommand.class,
      UserCommand.class,
      DigestCommand.class,
      HarvestCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      MigrateCommand.class,
      DevClusterCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    // picocli reflects over every subcommand before parsing (~0.3 s at start-up); the servers,
    // whose start-up counts, build only their own command
    Object server =
        args.length == 0
            ? null
            : switch (args[0]) {
              case "serve" -> new ServeCommand();
              case "demo" -> new DemoCommand();
              default -> null;
            };
    CommandLine cli;
    if (server == null) {
      cli = new CommandLine(new Main());
    } else {
      cli = new CommandLine(server);
      cli.setCommandName("paperboy " + args[0]);
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("paperboy: " + e.getMessage());
          return 2;
        });
    cli.setExitCodeExceptionMapper(e -> 2);
    return cli.execute(args);
  }
}
