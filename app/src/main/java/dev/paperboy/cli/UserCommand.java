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
    subcommands = {
      UserCommand.Create.class,
      UserCommand.ListUsers.class,
      UserCommand.ResetPassword.class,
      UserCommand.SetRole.class,
      UserCommand.Block.class,
      UserCommand.Unblock.class
    })
public final class UserCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println(
        "paperboy user: give a subcommand: create, list, reset-password, set-role, block or"
            + " unblock (see --help)");
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
      return UserCommand.password(passwordStdin, email);
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

  /**
   * The password from the first line of standard input, PAPERBOY_PASSWORD, or asked twice on the
   * terminal; null (after saying why) when there is none.
   */
  static String password(boolean fromStdin, String email) throws IOException {
    if (fromStdin) {
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

  /** The account a subcommand works on: the data directory's settings and an email. */
  static final class Account {

    @Mixin ConfigOptions options;

    @Option(names = "--email", required = true, description = "The account's email address.")
    String email;

    /** Runs {@code work} on the account; exit 2 with the reason when it fails. */
    int run(AccountWork work) {
      try (App app = Launch.open(options.toConfig())) {
        User user = app.community().accounts().findByEmail(email).orElse(null);
        if (user == null) {
          System.err.println("paperboy: no account with the email " + email);
          return 2;
        }
        work.run(app, user);
        return 0;
      } catch (Refusal r) {
        System.err.println("paperboy: " + r.getMessage());
        return 2;
      }
    }
  }

  /** What a subcommand does to one account. */
  @FunctionalInterface
  interface AccountWork {
    void run(App app, User user);
  }

  @Command(
      name = "reset-password",
      mixinStandardHelpOptions = true,
      description = {
        "Set a new password for an account and sign it out everywhere. The password is asked",
        "for twice on a terminal, or read with --password-stdin, or from PAPERBOY_PASSWORD."
      })
  static final class ResetPassword implements Callable<Integer> {

    @Mixin Account account;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      String password = password(passwordStdin, account.email);
      if (password == null) {
        return 2;
      }
      return account.run(
          (app, user) -> {
            app.community().accounts().setPassword(user, password);
            System.out.printf(
                Locale.ROOT, "new password set for %s; every session ended%n", user.email());
          });
    }
  }

  @Command(
      name = "set-role",
      mixinStandardHelpOptions = true,
      description = "Make an account an admin (a moderator) or a plain user.")
  static final class SetRole implements Callable<Integer> {

    @Mixin Account account;

    @Option(names = "--role", required = true, description = "admin or user.")
    Role role;

    @Override
    public Integer call() {
      return account.run(
          (app, user) -> {
            User changed = app.community().accounts().setRole(user, role);
            System.out.printf(
                Locale.ROOT,
                "%s is now %s%n",
                changed.email(),
                changed.isAdmin() ? "an admin" : "a user");
          });
    }
  }

  @Command(
      name = "block",
      mixinStandardHelpOptions = true,
      description = {
        "Block an account: signed out everywhere, cannot sign in, votes withdrawn, comments",
        "hidden. Logged on /admin as done from the command line."
      })
  static final class Block implements Callable<Integer> {

    @Mixin Account account;

    @Option(names = "--reason", description = "Why, for the moderation log.")
    String reason;

    @Override
    public Integer call() {
      return account.run(
          (app, user) -> {
            app.community().moderation().setBlockedByOperator(user.id(), true, reason);
            System.out.printf(Locale.ROOT, "blocked %s%n", user.email());
          });
    }
  }

  @Command(
      name = "unblock",
      mixinStandardHelpOptions = true,
      description = "Let a blocked account sign in again (its votes are not restored).")
  static final class Unblock implements Callable<Integer> {

    @Mixin Account account;

    @Override
    public Integer call() {
      return account.run(
          (app, user) -> {
            app.community().moderation().setBlockedByOperator(user.id(), false, null);
            System.out.printf(Locale.ROOT, "unblocked %s%n", user.email());
          });
    }
  }
}
