package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.storage.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

  @TempDir Path dir;
  CommunityFixture f;
  Accounts accounts;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T12:00:00Z");
    accounts = f.services.accounts();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void thePasswordIsStoredOnlyAsAnArgon2idHash() {
    accounts.signUp("Ada@Example.org", "Ada", "correct horse battery", "10.0.0.1");
    List<String> hashes =
        f.db.read(c -> Sql.list(c, "SELECT password_hash FROM users", rs -> rs.getString(1)));
    assertEquals(1, hashes.size());
    assertTrue(hashes.get(0).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hashes.get(0));
    assertFalse(hashes.get(0).contains("horse"));
    assertEquals(
        "Ada",
        accounts.signIn("ada@example.org", "correct horse battery", "x").user().displayName());
  }

  @Test
  void anEmailCanHoldOneAccountWhateverItsCase() {
    f.user("ada");
    Refusal r =
        assertThrows(
            Refusal.class,
            () -> accounts.signUp("ADA@example.org", "Ada again", "another long password", "ip"));
    assertEquals(Refusal.Kind.CONFLICT, r.kind());
  }

  @Test
  void weakPasswordsAndBadEmailsAreRefusedWithTheReason() {
    assertTrue(
        assertThrows(Refusal.class, () -> accounts.signUp("a@b.org", "A", "short", "ip"))
            .getMessage()
            .contains("at least 10 characters"));
    assertTrue(
        assertThrows(
                Refusal.class, () -> accounts.signUp("not-an-email", "A", "long enough pw", "ip"))
            .getMessage()
            .contains("email address"));
    assertTrue(
        assertThrows(Refusal.class, () -> accounts.signUp("a@b.org", " ", "long enough pw", "ip"))
            .getMessage()
            .contains("display name"));
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    f.user("ada");
    Refusal wrong =
        assertThrows(
            Refusal.class, () -> accounts.signIn("ada@example.org", "wrong password", "ip"));
    Refusal unknown =
        assertThrows(
            Refusal.class, () -> accounts.signIn("bob@example.org", "wrong password", "ip"));
    assertEquals(wrong.getMessage(), unknown.getMessage());
    assertEquals(Refusal.Kind.NOT_SIGNED_IN, wrong.kind());
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForAQuarterOfAnHour() {
    f.user("ada");
    for (int i = 0; i < 5; i++) {
      assertThrows(Refusal.class, () -> accounts.signIn("ada@example.org", "guess", "10.0.0." + 1));
    }
    Refusal locked =
        assertThrows(
            Refusal.class,
            () -> accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "10.9.9.9"));
    assertEquals(Refusal.Kind.RATE_LIMITED, locked.kind(), "even the right password, elsewhere");
    assertTrue(locked.getMessage().contains("Try again in 15 minutes"), locked.getMessage());
    f.clock.advance(Duration.ofMinutes(15));
    assertEquals(
        "ada",
        accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "ip").user().displayName());
  }

  @Test
  void oneAddressCannotTryPasswordsOnManyAccounts() {
    for (int i = 0; i < 30; i++) {
      String email = "user" + i + "@example.org";
      assertThrows(Refusal.class, () -> accounts.signIn(email, "guess", "10.6.6.6"));
    }
    Refusal r =
        assertThrows(Refusal.class, () -> accounts.signIn("x@example.org", "guess", "10.6.6.6"));
    assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
    assertTrue(r.getMessage().contains("from your network"));
  }

  @Test
  void sessionsAreStoredAsHashesAndLastThirtyDays() {
    User ada = f.user("ada");
    Accounts.SignedIn session = accounts.startSession(ada);
    List<String> stored =
        f.db.read(c -> Sql.list(c, "SELECT token_hash FROM sessions", rs -> rs.getString(1)));
    assertFalse(stored.contains(session.token()));
    assertEquals(ada, accounts.userForSession(session.token()).orElseThrow());
    f.clock.advance(Duration.ofDays(30).plusSeconds(1));
    assertTrue(accounts.userForSession(session.token()).isEmpty());
  }

  @Test
  void changingThePasswordSignsOutEveryOtherSession() {
    User ada = f.user("ada");
    Accounts.SignedIn laptop = accounts.startSession(ada);
    Accounts.SignedIn phone = accounts.startSession(ada);
    assertThrows(
        Refusal.class,
        () -> accounts.changePassword(ada, "not it", "a new long password", laptop.token()));
    accounts.changePassword(ada, CommunityFixture.PASSWORD, "a new long password", laptop.token());
    assertTrue(accounts.userForSession(laptop.token()).isPresent());
    assertTrue(accounts.userForSession(phone.token()).isEmpty());
    assertEquals(
        ada.id(), accounts.signIn("ada@example.org", "a new long password", "ip").user().id());
  }

  @Test
  void aDeletedAccountsVotesAndCommentsGoAndItsSubmissionStays() {
    f.importing("web/2026-08-21.json");
    User ada = f.user("ada");
    User bob = f.user("bob");
    long before = f.papers.find("2608.19880").orElseThrow().totalUpvotes();
    f.services.votes().toggle(ada, "2608.19880");
    Comments.Comment first = f.services.comments().post(ada, "2608.19880", null, "First!");
    f.services.comments().post(bob, "2608.19880", first.id(), "A reply");
    f.services.comments().post(ada, "2608.19880", null, "A lonely note");
    f.services.collections().create(ada, "Agents", "", true);

    accounts.delete(ada, CommunityFixture.PASSWORD);

    assertEquals(before, f.papers.find("2608.19880").orElseThrow().totalUpvotes());
    assertTrue(accounts.find(ada.id()).isEmpty());
    List<Comments.Placed> thread = f.services.comments().thread("2608.19880", bob);
    assertEquals(2, thread.size(), "the lonely note is gone, the replied-to one stays as a stub");
    assertEquals(null, thread.get(0).html());
    assertEquals("A reply", thread.get(1).comment().body());
    assertEquals(1, f.papers.find("2608.19880").orElseThrow().community().comments());
    assertTrue(f.services.collections().ofUser(ada.id(), null).isEmpty());
  }

  @Test
  void aBlockedAccountIsSignedOutAndCannotSignIn() {
    User admin = f.admin("root");
    User ada = f.user("ada");
    Accounts.SignedIn session = accounts.startSession(ada);
    f.services.moderation().setBlocked(admin, ada.id(), true, "spam");
    assertTrue(accounts.userForSession(session.token()).isEmpty());
    Refusal r =
        assertThrows(
            Refusal.class,
            () -> accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "ip"));
    assertEquals(Refusal.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("blocked"));
  }
}
