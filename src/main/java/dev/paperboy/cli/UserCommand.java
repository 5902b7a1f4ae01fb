package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.community.Refusal;
import dev.paperboy.community.Role;
import dev.paperboy.community.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts from the command line (the way to make the first admin).",
    subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("paperboy user: give a subcommand: create or list (see --help)");
    return 2;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an account. The password is asked for twice on a terminal, or read from the first",
        "line of standard input with --password-stdin, or from PAPERBOY_PASSWORD.",
        "Example: ./paperboy user create --admin --email ada@example.org --name Ada"
      })
  static final class Create implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Option(names = "--email", required = true, description = "The account's email address.")
    String email;

    @Option(names = "--name", required = true, description = "The display name.")
    String name;

    @Option(names = "--admin", description = "Make the account an admin (a moderator).")
    boolean admin;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      String password = password();
      if (password == null) {
        return 2;
      }
      try (App app = Launch.open(options.toConfig())) {
        User user =
            app.community()
                .accounts()
                .create(email, name, password, admin ? Role.ADMIN : Role.USER);
        System.out.printf(
            Locale.ROOT,
            "created %s %s <%s> (id %d)%n",
            user.isAdmin() ? "admin" : "user",
            user.displayName(),
            user.email(),
            user.id());
        return 0;
      } catch (Refusal r) {
        System.err.println("paperboy: " + r.getMessage());
        return 2;
      }
    }

    private String password() throws IOException {
      if (passwordStdin) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
          System.err.println("paperboy: no password on standard input");
          return null;
        }
        return line;
      }
      String fromEnv = System.getenv("PAPERBOY_PASSWORD");
      if (fromEnv != null && !fromEnv.isEmpty()) {
        return fromEnv;
      }
      Console console = System.console();
      if (console == null) {
        System.err.println(
            "paperboy: no terminal to ask for the password; use --password-stdin or"
                + " PAPERBOY_PASSWORD");
        return null;
      }
      char[] first = console.readPassword("Password for %s: ", email);
      char[] again = console.readPassword("Same password again: ");
      if (first == null || again == null || !new String(first).equals(new String(again))) {
        System.err.println("paperboy: the two passwords differ");
        return null;
      }
      return new String(first);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
  static final class ListUsers implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      try (App app = Launch.open(options.toConfig())) {
        for (User u : app.community().accounts().list()) {
          System.out.printf(
              Locale.ROOT,
              "%5d  %-6s %-30s %s%s%n",
              u.id(),
              u.isAdmin() ? "admin" : "user",
              u.email(),
              u.displayName(),
              u.blocked() ? "  (blocked)" : "");
        }
        return 0;
      }
    }
  }
}
