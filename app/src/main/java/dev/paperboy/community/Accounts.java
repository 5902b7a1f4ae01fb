package dev.paperboy.community;

import static dev.paperboy.community.AccountRows.USER_COLUMNS;
import static dev.paperboy.community.AccountRows.exists;
import static dev.paperboy.community.AccountRows.normaliseEmail;
import static dev.paperboy.community.AccountRows.normaliseName;
import static dev.paperboy.community.AccountRows.stored;
import static dev.paperboy.community.AccountRows.tokenHash;

import dev.paperboy.community.AccountRows.Stored;
import dev.paperboy.paper.ContentVersion;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts and sessions: sign-in behind {@link SignInLimits}, password changes, roles and account
 * deletion ({@link SignUps} and {@link PasswordResets} handle the mailed links). Sessions are
 * random tokens of which only a SHA-256 hash is stored.
 */
public final class Accounts {

  public static final Duration SESSION_LIFETIME = Duration.ofDays(30);

  /** A session just started: the token goes into the cookie, nowhere else. */
  public record SignedIn(User user, String token, Instant expires) {}

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final Passwords passwords;
  private final SignInLimits signInLimits;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;
  // changing a password or deleting the account checks the current one: a stolen session may not
  // use that as an unlimited hashing oracle either
  private final SharedLimiter checksPerAccount;

  Accounts(Database db, PaperStore papers, Passwords passwords, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.passwords = passwords;
    this.signInLimits = new SignInLimits(db, clock);
    this.checksPerAccount =
        new SharedLimiter(db, "password-check", 10, Duration.ofMinutes(15), clock);
    this.dummyHash = Passwords.unmatchable();
  }

  /** Creates an account directly (the command line's way to make the first admin). */
  public User create(String email, String displayName, String password, Role role) {
    String normalEmail = normaliseEmail(email);
    String name = normaliseName(displayName);
    Passwords.validate(password, normalEmail);
    String hash = passwords.hash(password);
    return db.transaction(
        c -> {
          if (exists(c, normalEmail)) {
            throw new Refusal(
                Refusal.Kind.CONFLICT,
                "An account with this email address already exists. Sign in instead.");
          }
          return insert(c, normalEmail, name, hash, role);
        });
  }

  User insert(Connection c, String normalEmail, String name, String hash, Role role)
      throws SQLException {
    long id =
        Sql.insert(
            c,
            "INSERT INTO users (email, display_name, password_hash, role, created_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            normalEmail,
            name,
            hash,
            role.name().toLowerCase(Locale.ROOT),
            clock.instant().toString());
    return AccountRows.find(c, id).orElseThrow();
  }

  /**
   * Checks the password and starts a session. Wrong passwords and unknown emails get the same
   * answer in the same time. {@link SignInLimits} decides, before any hashing, whether this attempt
   * may run at all.
   *
   * @param trustedDevice whether the browser proved it signed into this account before
   */
  public SignedIn signIn(String email, String password, String ip, boolean trustedDevice) {
    String normalEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    signInLimits.admit(ip, normalEmail, trustedDevice);
    Optional<Stored> stored = db.read(c -> stored(c, normalEmail));
    boolean matches =
        passwords.verify(
                stored.map(Stored::hash).orElse(dummyHash), password == null ? "" : password)
            && stored.isPresent();
    if (!matches) {
      signInLimits.failed(ip, normalEmail);
      throw new Refusal(Refusal.Kind.NOT_SIGNED_IN, "Wrong email address or password.");
    }
    User user = stored.get().user();
    if (user.blocked()) {
      throw Refusal.forbidden("This account has been blocked by the moderators.");
    }
    signInLimits.succeeded(ip, normalEmail);
    return startSession(user);
  }

  /** How many password hashes this process has computed, refused attempts never among them. */
  public long passwordHashes() {
    return passwords.computed();
  }

  public SignedIn startSession(User user) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(SESSION_LIFETIME);
    db.transaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?)",
                tokenHash(token),
                user.id(),
                now.toString(),
                expires.toString()));
    return new SignedIn(user, token, expires);
  }

  /** The signed-in user of a session cookie; empty when unknown, expired or blocked. */
  public Optional<User> userForSession(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT u.id, u.email, u.display_name, u.role, u.votes_public, u.created_at,"
                    + " u.blocked_at FROM sessions s JOIN users u ON u.id = s.user_id"
                    + " WHERE s.token_hash = ? AND s.expires_at > ? AND u.blocked_at IS NULL",
                AccountRows::user,
                tokenHash(token),
                clock.instant().toString()));
  }

  public void signOut(String token) {
    if (token != null) {
      db.transaction(
          c -> Sql.update(c, "DELETE FROM sessions WHERE token_hash = ?", tokenHash(token)));
    }
  }

  /**
   * Changes the password after checking the current one, and ends every other session of the
   * account (a stolen session does not survive the change).
   */
  public void changePassword(User user, String current, String next, String keepToken) {
    checkCurrentPassword(user, current, "Your current password is not right.");
    Passwords.validate(next, user.email());
    String hash = passwords.hash(next);
    db.transaction(c -> replaceHash(c, user.id(), hash, keepToken));
    signInLimits.forget(user.email());
  }

  /**
   * Sets a new password without knowing the old one (the operator's command, a reset link): every
   * session of the account ends.
   */
  public void setPassword(User user, String next) {
    Passwords.validate(next, user.email());
    String hash = passwords.hash(next);
    db.transaction(c -> replaceHash(c, user.id(), hash, null));
    signInLimits.forget(user.email());
  }

  String hashPassword(String password) {
    return passwords.hash(password);
  }

  /** Stores a new hash and ends the account's sessions but {@code keepToken}'s. */
  int replaceHash(Connection c, long userId, String hash, String keepToken) throws SQLException {
    Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userId);
    return Sql.update(
        c,
        "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
        userId,
        tokenHash(keepToken == null ? "" : keepToken));
  }

  void forgetFailedSignIns(String email) {
    signInLimits.forget(email);
  }

  private void checkCurrentPassword(User user, String password, String wrong) {
    checksPerAccount.acquire(
        "user:" + user.id(), "Too many password checks for this account in a short time.");
    Stored stored = db.read(c -> stored(c, user.email())).orElseThrow();
    if (!passwords.verify(stored.hash(), password == null ? "" : password)) {
      throw Refusal.invalid(wrong);
    }
  }

  /** Makes the account an admin or a plain user (the operator's command). */
  public User setRole(User user, Role role) {
    return db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE users SET role = ? WHERE id = ?",
              role.name().toLowerCase(Locale.ROOT),
              user.id());
          return AccountRows.find(c, user.id()).orElseThrow();
        });
  }

  public User updateProfile(User user, String displayName, boolean votesPublic) {
    String name = normaliseName(displayName);
    return db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE users SET display_name = ?, votes_public = ? WHERE id = ?",
              name,
              votesPublic ? 1 : 0,
              user.id());
          ContentVersion.bump(c); // bylines on shared pages show the name
          return AccountRows.find(c, user.id()).orElseThrow();
        });
  }

  /**
   * Deletes the account after checking its password. Its votes are withdrawn (the counts drop), its
   * comments are erased (a comment with replies stays as "[deleted]" so the thread still reads),
   * its collections and sessions go; papers it submitted stay on the feed, attributed to a deleted
   * account.
   */
  public void delete(User user, String password) {
    checkCurrentPassword(user, password, "That is not your password; the account was not deleted.");
    db.transaction(
        c -> {
          withdrawVotes(c, user.id());
          eraseComments(c, user.id());
          return Sql.update(c, "DELETE FROM users WHERE id = ?", user.id());
        });
  }

  /** Removes the user's votes and lowers each paper's count to match. */
  void withdrawVotes(Connection c, long userId) throws SQLException {
    for (String paperId :
        Sql.list(
            c, "SELECT paper_id FROM votes WHERE user_id = ?", rs -> rs.getString(1), userId)) {
      papers.addCommunityCounts(c, paperId, -1, 0);
    }
    Sql.update(c, "DELETE FROM votes WHERE user_id = ?", userId);
  }

  private void eraseComments(Connection c, long userId) throws SQLException {
    String now = clock.instant().toString();
    for (String paperId :
        Sql.list(
            c,
            "SELECT paper_id FROM comments WHERE user_id = ? AND deleted_at IS NULL"
                + " AND hidden_at IS NULL",
            rs -> rs.getString(1),
            userId)) {
      papers.addCommunityCounts(c, paperId, 0, -1);
    }
    Sql.update(
        c,
        "UPDATE comments SET body = '', deleted_at = COALESCE(deleted_at, ?) WHERE user_id = ?",
        now,
        userId);
  }

  public Optional<User> find(long id) {
    return db.read(c -> AccountRows.find(c, id));
  }

  public Optional<User> findByEmail(String email) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT " + USER_COLUMNS + " FROM users WHERE email = ?",
                AccountRows::user,
                email.strip().toLowerCase(Locale.ROOT)));
  }

  public List<User> list() {
    return db.read(
        c -> Sql.list(c, "SELECT " + USER_COLUMNS + " FROM users ORDER BY id", AccountRows::user));
  }
}
