package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.community.Accounts;
import dev.paperboy.community.Refusal;
import dev.paperboy.community.User;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator does to accounts on the command line, checked in the database afterwards. */
class UserCommandTest {

  @TempDir Path dir;
  InputStream stdin;

  @BeforeEach
  void keepStdin() {
    stdin = System.in;
  }

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  int run(String password, String... args) {
    System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.toString();
    return Main.run(all);
  }

  App open() {
    return new App(new Config("127.0.0.1", 0, dir).withEmbeddingModel("none"));
  }

  @Test
  void resetPasswordSetsANewOneAndEndsEverySession() {
    assertEquals(
        0,
        run(
            "first password here",
            "user",
            "create",
            "--email",
            "ada@example.org",
            "--name",
            "Ada",
            "--password-stdin"));
    String session;
    try (App app = open()) {
      User ada = app.community().accounts().findByEmail("ada@example.org").orElseThrow();
      session = app.community().accounts().startSession(ada).token();
    }
    assertEquals(
        0,
        run(
            "second password here",
            "user",
            "reset-password",
            "--email",
            "ada@example.org",
            "--password-stdin"));
    try (App app = open()) {
      Accounts accounts = app.community().accounts();
      assertTrue(accounts.userForSession(session).isEmpty(), "signed out everywhere");
      assertEquals(
          "Ada",
          accounts
              .signIn("ada@example.org", "second password here", "ip", false)
              .user()
              .displayName());
    }
    assertEquals(
        2,
        run("short", "user", "reset-password", "--email", "ada@example.org", "--password-stdin"),
        "a weak password is refused");
    assertEquals(
        2,
        run(
            "long enough one",
            "user",
            "reset-password",
            "--email",
            "nobody@example.org",
            "--password-stdin"));
  }

  @Test
  void setRoleAndBlockChangeTheAccountAndTheModerationLogSaysWho() {
    run(
        "first password here",
        "user",
        "create",
        "--email",
        "bob@example.org",
        "--name",
        "Bob",
        "--password-stdin");
    assertEquals(0, run("", "user", "set-role", "--email", "bob@example.org", "--role", "admin"));
    try (App app = open()) {
      assertTrue(app.community().accounts().findByEmail("bob@example.org").orElseThrow().isAdmin());
    }
    assertEquals(0, run("", "user", "set-role", "--email", "bob@example.org", "--role", "user"));
    assertEquals(
        0, run("", "user", "block", "--email", "bob@example.org", "--reason", "spam links"));
    try (App app = open()) {
      User bob = app.community().accounts().findByEmail("bob@example.org").orElseThrow();
      assertFalse(bob.isAdmin());
      assertTrue(bob.blocked());
      assertEquals(Refusal.Kind.FORBIDDEN, refusal(app, "first password here").kind());
      var log = app.community().moderation().log(5);
      assertFalse(log.isEmpty());
      assertEquals("the command line", log.get(0).adminName());
      assertTrue(log.get(0).reason().startsWith("spam links"), log.get(0).reason());
    }
    assertEquals(0, run("", "user", "unblock", "--email", "bob@example.org"));
    try (App app = open()) {
      assertFalse(
          app.community().accounts().findByEmail("bob@example.org").orElseThrow().blocked());
    }
    assertEquals(2, run("", "user", "set-role", "--email", "bob@example.org", "--role", "owner"));
  }

  private static Refusal refusal(App app, String password) {
    try {
      app.community().accounts().signIn("bob@example.org", password, "ip", false);
      throw new AssertionError("signed in");
    } catch (Refusal r) {
      return r;
    }
  }
}
