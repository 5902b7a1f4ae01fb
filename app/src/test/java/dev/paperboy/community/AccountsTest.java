package dev.paperboy.community;

import static dev.paperboy.community.CommunityFixture.PASSWORD;
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

  /** Signs up through the mailed link, as a person would. */
  User signUp(String email, String name, String password) {
    f.services.signUps().start(email, name, password, "10.0.0.1");
    CommunityFixture.Letters.Letter mail = f.mail.last();
    assertEquals("signup", mail.kind());
    return f.services.signUps().finish(token(mail.path()));
  }

  static String token(String path) {
    return path.substring(path.indexOf("t=") + 2);
  }

  @Test
  void thePasswordIsStoredOnlyAsAnArgon2idHash() {
    signUp("Ada@Example.org", "Ada", "correct horse battery");
    List<String> hashes =
        f.db.read(c -> Sql.list(c, "SELECT password_hash FROM users", rs -> rs.getString(1)));
    assertEquals(1, hashes.size());
    assertTrue(hashes.get(0).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hashes.get(0));
    assertFalse(hashes.get(0).contains("horse"));
    assertEquals(
        "Ada",
        accounts
            .signIn("ada@example.org", "correct horse battery", "x", false)
            .user()
            .displayName());
  }

  @Test
  void aSignUpMakesNoAccountUntilItsMailedLinkIsFollowedOnce() {
    f.services.signUps().start("grace@example.org", "Grace", PASSWORD, "10.0.0.2");
    assertTrue(accounts.findByEmail("grace@example.org").isEmpty(), "no account yet");
    String token = token(f.mail.last().path());
    assertEquals(
        "Grace", f.services.signUps().pending(token).orElseThrow().displayName(), "link works");
    User grace = f.services.signUps().finish(token);
    assertEquals("grace@example.org", grace.email());
    Refusal again = assertThrows(Refusal.class, () -> f.services.signUps().finish(token));
    assertTrue(again.getMessage().contains("expired or was used already"), again.getMessage());
  }

  @Test
  void aSignUpLinkStopsWorkingAfterADay() {
    f.services.signUps().start("late@example.org", "Late", PASSWORD, "10.0.0.3");
    String token = token(f.mail.last().path());
    f.clock.advance(SignUps.LINK_LIFETIME.plusSeconds(1));
    assertTrue(f.services.signUps().pending(token).isEmpty());
    assertThrows(Refusal.class, () -> f.services.signUps().finish(token));
    assertTrue(accounts.findByEmail("late@example.org").isEmpty());
  }

  @Test
  void signingUpWithAnAddressThatHasAnAccountTellsOnlyItsOwner() {
    f.user("ada");
    // no exception, nothing the person at the form can tell apart from a new address
    f.services.signUps().start("ADA@example.org", "Ada again", "another long password", "ip");
    CommunityFixture.Letters.Letter mail = f.mail.last();
    assertEquals("signup-again", mail.kind());
    assertEquals("ada@example.org", mail.email());
    assertEquals(1, accounts.list().size());
  }

  @Test
  void weakPasswordsAndBadEmailsAreRefusedWithTheReason() {
    SignUps signUps = f.services.signUps();
    assertTrue(
        assertThrows(Refusal.class, () -> signUps.start("a@b.org", "A", "short", "ip"))
            .getMessage()
            .contains("at least 10 characters"));
    assertTrue(
        assertThrows(
                Refusal.class, () -> signUps.start("not-an-email", "A", "long enough pw", "ip"))
            .getMessage()
            .contains("email address"));
    assertTrue(
        assertThrows(Refusal.class, () -> signUps.start("a@b.org", " ", "long enough pw", "ip"))
            .getMessage()
            .contains("display name"));
    assertTrue(f.mail.sent.isEmpty());
  }

  @Test
  void aFloodOfSignUpsFromOneNetworkIsRefusedBeforeAnyHashBeyondTheLimit() {
    long before = accounts.passwordHashes();
    int refused = 0;
    for (int i = 0; i < SignUps.PER_IP_PER_HOUR + 15; i++) {
      try {
        f.services.signUps().start("ada" + i + "@example.org", "Ada", "guess number " + i, "ip1");
      } catch (Refusal r) {
        assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
        assertTrue(r.retryAfter() != null && r.retryAfter().isPositive());
        assertTrue(r.getMessage().contains("from your network"), r.getMessage());
        refused++;
      }
    }
    assertEquals(15, refused);
    assertEquals(SignUps.PER_IP_PER_HOUR, accounts.passwordHashes() - before);
    f.services.signUps().start("bob@example.org", "Bob", PASSWORD, "10.7.7.7");
    assertEquals("signup", f.mail.last().kind(), "another network is not held up");
  }

  @Test
  void aFloodOnOneAddressFromManyNetworksStopsAtTheAddress() {
    f.user("ada");
    long before = accounts.passwordHashes();
    int refused = 0;
    for (int i = 0; i < 12; i++) {
      try {
        f.services.signUps().start("ada@example.org", "Ada", "guess number " + i, "10.9.0." + i);
      } catch (Refusal r) {
        assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
        assertTrue(r.getMessage().contains("for this address"), r.getMessage());
        refused++;
      }
    }
    assertEquals(12 - SignUps.PER_EMAIL_PER_HOUR, refused);
    assertEquals(SignUps.PER_EMAIL_PER_HOUR, accounts.passwordHashes() - before);
    // the same holds for an address without an account, so the limit reveals nothing
    for (int i = 0; i < SignUps.PER_EMAIL_PER_HOUR; i++) {
      f.services.signUps().start("new@example.org", "New", "a long password", "10.8.0." + i);
    }
    Refusal fresh =
        assertThrows(
            Refusal.class,
            () -> f.services.signUps().start("new@example.org", "New", "a long pw!", "10.8.1.1"));
    assertEquals(Refusal.Kind.RATE_LIMITED, fresh.kind());
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    f.user("ada");
    Refusal wrong =
        assertThrows(
            Refusal.class, () -> accounts.signIn("ada@example.org", "wrong password", "ip", false));
    Refusal unknown =
        assertThrows(
            Refusal.class, () -> accounts.signIn("bob@example.org", "wrong password", "ip", false));
    assertEquals(wrong.getMessage(), unknown.getMessage());
    assertEquals(Refusal.Kind.NOT_SIGNED_IN, wrong.kind());
  }

  @Test
  void anUnknownEmailCostsOneArgon2CheckLikeAKnownOneAndNothingMatchesIt() {
    f.user("ada");
    long before = accounts.passwordHashes();
    assertThrows(
        Refusal.class, () -> accounts.signIn("ada@example.org", "wrong password", "ip", false));
    long known = accounts.passwordHashes() - before;
    assertThrows(
        Refusal.class, () -> accounts.signIn("bob@example.org", "wrong password", "ip", false));
    assertEquals(1, known);
    assertEquals(known, accounts.passwordHashes() - before - known, "the same work for both");
    Passwords passwords = new Passwords(1);
    String unmatchable = Passwords.unmatchable();
    assertTrue(unmatchable.startsWith("$argon2id$v=19$m="), unmatchable);
    for (String guess : new String[] {"", "password", "an unused password", "\0\0\0\0"}) {
      assertFalse(passwords.verify(unmatchable, guess), guess);
    }
    assertEquals(4, passwords.computed(), "each check ran Argon2, as for a real hash");
  }

  @Test
  void wrongPasswordsSlowDownTheirAddressButNotTheOwnerElsewhere() {
    f.user("ada");
    for (int i = 0; i < SignInLimits.FREE_FAILURES; i++) {
      assertThrows(
          Refusal.class, () -> accounts.signIn("ada@example.org", "guess", "10.6.6.6", false));
    }
    Refusal slowed =
        assertThrows(
            Refusal.class,
            () -> accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "10.6.6.6", false));
    assertEquals(Refusal.Kind.RATE_LIMITED, slowed.kind(), "even the right password waits there");
    assertEquals(Duration.ofSeconds(30), slowed.retryAfter());
    assertEquals(
        "ada",
        accounts
            .signIn("ada@example.org", CommunityFixture.PASSWORD, "10.1.1.1", false)
            .user()
            .displayName(),
        "the owner on another network is not locked out");
    f.clock.advance(Duration.ofSeconds(31));
    assertThrows(
        Refusal.class, () -> accounts.signIn("ada@example.org", "guess", "10.6.6.6", false));
    Refusal longer =
        assertThrows(
            Refusal.class, () -> accounts.signIn("ada@example.org", "guess", "10.6.6.6", false));
    assertEquals(Duration.ofSeconds(60), longer.retryAfter(), "each failure doubles the wait");
  }

  @Test
  void guessesSpreadOverManyNetworksStopAtTheAccountButNotForTheOwnersBrowser() {
    f.user("ada");
    for (int i = 0; i < SignInLimits.PER_ACCOUNT_UNTRUSTED; i++) {
      String ip = "10.8.0." + i;
      assertThrows(Refusal.class, () -> accounts.signIn("ada@example.org", "guess", ip, false));
    }
    long hashes = accounts.passwordHashes();
    Refusal stopped =
        assertThrows(
            Refusal.class,
            () -> accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "10.9.9.9", false));
    assertEquals(Refusal.Kind.RATE_LIMITED, stopped.kind());
    assertTrue(stopped.getMessage().contains("browser you used before"), stopped.getMessage());
    assertEquals(hashes, accounts.passwordHashes(), "refused before hashing");
    assertEquals(
        "ada",
        accounts
            .signIn("ada@example.org", CommunityFixture.PASSWORD, "10.9.9.9", true)
            .user()
            .displayName(),
        "a browser that signed in before gets in");
  }

  @Test
  void oneAddressCannotTryPasswordsOnManyAccounts() {
    for (int i = 0; i < SignInLimits.PER_IP; i++) {
      String email = "user" + i + "@example.org";
      assertThrows(Refusal.class, () -> accounts.signIn(email, "guess", "10.6.6.6", false));
    }
    long hashes = accounts.passwordHashes();
    Refusal r =
        assertThrows(
            Refusal.class, () -> accounts.signIn("x@example.org", "guess", "10.6.6.6", false));
    assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
    assertTrue(r.getMessage().contains("from your network"));
    assertEquals(hashes, accounts.passwordHashes(), "refused before hashing");
  }

  @Test
  void aMailedResetLinkSetsANewPasswordOnceAndSignsOutEverywhere() {
    User ada = f.user("ada");
    Accounts.SignedIn laptop = accounts.startSession(ada);
    f.services.passwordResets().request("Ada@example.org", "10.0.0.1");
    CommunityFixture.Letters.Letter mail = f.mail.last();
    assertEquals("reset", mail.kind());
    PasswordResets.Link link = link(mail.path());
    assertEquals(ada.id(), f.services.passwordResets().check(link).orElseThrow().id());

    f.services.passwordResets().reset(link, "a brand new password", "10.0.0.1");

    assertTrue(accounts.userForSession(laptop.token()).isEmpty(), "every session ended");
    assertEquals(
        ada.id(),
        accounts.signIn("ada@example.org", "a brand new password", "ip", false).user().id());
    assertTrue(f.services.passwordResets().check(link).isEmpty(), "the link worked once");
    assertThrows(
        Refusal.class,
        () -> f.services.passwordResets().reset(link, "yet another password", "10.0.0.1"));
  }

  @Test
  void aResetLinkExpiresAfterHalfAnHourAndCannotBeForged() {
    User ada = f.user("ada");
    f.services.passwordResets().request("ada@example.org", "10.0.0.1");
    PasswordResets.Link link = link(f.mail.last().path());
    PasswordResets.Link forged =
        new PasswordResets.Link(ada.id(), link.expires() + 60, link.token());
    assertTrue(f.services.passwordResets().check(forged).isEmpty());
    PasswordResets.Link far = new PasswordResets.Link(ada.id(), Long.MAX_VALUE, link.token());
    assertTrue(f.services.passwordResets().check(far).isEmpty());
    f.clock.advance(PasswordResets.LIFETIME.plusSeconds(1));
    assertTrue(f.services.passwordResets().check(link).isEmpty());
  }

  @Test
  void askingForAResetAnswersTheSameForAnUnknownOrBlockedAddressAndMailsNothing() {
    User admin = f.admin("root");
    User mallory = f.user("mallory");
    f.services.moderation().setBlocked(admin, mallory.id(), true, "spam");
    f.services.passwordResets().request("nobody@example.org", "10.0.0.1");
    f.services.passwordResets().request("mallory@example.org", "10.0.0.1");
    assertTrue(f.mail.sent.isEmpty(), f.mail.sent.toString());
  }

  @Test
  void aResetClearsTheFailedSignInsThatSlowedTheOwnerDown() {
    User ada = f.user("ada");
    for (int i = 0; i < SignInLimits.FREE_FAILURES; i++) {
      assertThrows(
          Refusal.class, () -> accounts.signIn("ada@example.org", "guess", "10.0.0.1", false));
    }
    accounts.setPassword(ada, "the operator's new one");
    assertEquals(
        ada.id(),
        accounts
            .signIn("ada@example.org", "the operator's new one", "10.0.0.1", false)
            .user()
            .id());
  }

  static PasswordResets.Link link(String path) {
    java.util.Map<String, String> q = new java.util.HashMap<>();
    for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
      q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return new PasswordResets.Link(
        Long.parseLong(q.get("u")), Long.parseLong(q.get("e")), q.get("t"));
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
        ada.id(),
        accounts.signIn("ada@example.org", "a new long password", "ip", false).user().id());
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
            () -> accounts.signIn("ada@example.org", CommunityFixture.PASSWORD, "ip", false));
    assertEquals(Refusal.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("blocked"));
  }
}
