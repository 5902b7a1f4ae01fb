package dev.paperboy.community;

import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts and sessions: sign-up, sign-in with rate limits, password changes and account deletion.
 * Sessions are random tokens of which only a SHA-256 hash is stored.
 */
public final class Accounts {

  public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  static final int MAX_NAME = 50;

  /** A session just started: the token goes into the cookie, nowhere else. */
  public record SignedIn(User user, String token, Instant expires) {}

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final String USER_COLUMNS =
      "id, email, display_name, role, votes_public, created_at, blocked_at";

  private final Database db;
  private final PaperStore papers;
  private final Clock clock;
  private final Passwords passwords = new Passwords();
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  // sign-in: every attempt counts per address, failures count per account
  private final RateLimiter signInsPerIp;
  private final RateLimiter failuresPerAccount;
  private final RateLimiter signUpsPerIp;

  public Accounts(Database db, PaperStore papers, Clock clock) {
    this.db = db;
    this.papers = papers;
    this.clock = clock;
    this.signInsPerIp = new RateLimiter(30, Duration.ofMinutes(15), clock);
    this.failuresPerAccount = new RateLimiter(5, Duration.ofMinutes(15), clock);
    // a lab or reading group often shares one address, so sign-ups per address are generous
    this.signUpsPerIp = new RateLimiter(20, Duration.ofHours(1), clock);
    this.dummyHash = passwords.hash("an unused password, so unknown emails cost the same");
  }

  public User signUp(String email, String displayName, String password, String ip) {
    String normalEmail = normaliseEmail(email);
    String name = normaliseName(displayName);
    Passwords.validate(password, normalEmail);
    signUpsPerIp.check("ip:" + ip, "Too many accounts were created from your network.");
    User user = create(normalEmail, name, password, Role.USER);
    signUpsPerIp.record("ip:" + ip);
    return user;
  }

  /** Creates an account directly (the command line's way to make the first admin). */
  public User create(String email, String displayName, String password, Role role) {
    String normalEmail = normaliseEmail(email);
    String name = normaliseName(displayName);
    Passwords.validate(password, normalEmail);
    String hash = passwords.hash(password);
    return db.transaction(
        c -> {
          if (Sql.count(c, "SELECT COUNT(*) FROM users WHERE email = ?", normalEmail) > 0) {
            throw new Refusal(
                Refusal.Kind.CONFLICT,
                "An account with this email address already exists. Sign in instead.");
          }
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
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Checks the password and starts a session. Wrong passwords and unknown emails get the same
   * answer in the same time; five failures lock the account for a while, and one address can only
   * try so often.
   */
  public SignedIn signIn(String email, String password, String ip) {
    String normalEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    signInsPerIp.acquire("ip:" + ip, "Too many sign-in attempts from your network.");
    String accountKey = "account:" + normalEmail;
    failuresPerAccount.check(accountKey, "Too many failed sign-ins for this account.");
    Optional<Stored> stored = db.read(c -> stored(c, normalEmail));
    boolean matches =
        passwords.verify(
                stored.map(Stored::hash).orElse(dummyHash), password == null ? "" : password)
            && stored.isPresent();
    if (!matches) {
      failuresPerAccount.record(accountKey);
      throw new Refusal(Refusal.Kind.NOT_SIGNED_IN, "Wrong email address or password.");
    }
    User user = stored.get().user();
    if (user.blocked()) {
      throw Refusal.forbidden("This account has been blocked by the moderators.");
    }
    failuresPerAccount.reset(accountKey);
    return startSession(user);
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
                Accounts::user,
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
    Stored stored = db.read(c -> stored(c, user.email())).orElseThrow();
    if (!passwords.verify(stored.hash(), current == null ? "" : current)) {
      throw Refusal.invalid("Your current password is not right.");
    }
    Passwords.validate(next, user.email());
    String hash = passwords.hash(next);
    db.transaction(
        c -> {
          Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, user.id());
          return Sql.update(
              c,
              "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
              user.id(),
              tokenHash(keepToken == null ? "" : keepToken));
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
          return find(c, user.id()).orElseThrow();
        });
  }

  /**
   * Deletes the account after checking its password. Its votes are withdrawn (the counts drop), its
   * comments are erased (a comment with replies stays as "[deleted]" so the thread still reads),
   * its collections and sessions go; papers it submitted stay on the feed, attributed to a deleted
   * account.
   */
  public void delete(User user, String password) {
    Stored stored = db.read(c -> stored(c, user.email())).orElseThrow();
    if (!passwords.verify(stored.hash(), password == null ? "" : password)) {
      throw Refusal.invalid("That is not your password; the account was not deleted.");
    }
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
    return db.read(c -> find(c, id));
  }

  public Optional<User> findByEmail(String email) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT " + USER_COLUMNS + " FROM users WHERE email = ?",
                Accounts::user,
                email.strip().toLowerCase(Locale.ROOT)));
  }

  public List<User> list() {
    return db.read(
        c -> Sql.list(c, "SELECT " + USER_COLUMNS + " FROM users ORDER BY id", Accounts::user));
  }

  static Optional<User> find(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", Accounts::user, id);
  }

  private record Stored(User user, String hash) {}

  private static Optional<Stored> stored(Connection c, String email) throws SQLException {
    return Sql.one(
        c,
        "SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE email = ?",
        rs -> new Stored(user(rs), rs.getString("password_hash")),
        email);
  }

  static User user(ResultSet rs) throws SQLException {
    String blocked = rs.getString("blocked_at");
    return new User(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
        rs.getInt("votes_public") != 0,
        Instant.parse(rs.getString("created_at")),
        blocked == null ? null : Instant.parse(blocked));
  }

  static String normaliseEmail(String email) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw Refusal.invalid("Enter an email address like ada@example.org.");
    }
    return e;
  }

  static String normaliseName(String name) {
    String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (n.isEmpty() || n.length() > MAX_NAME) {
      throw Refusal.invalid("Choose a display name of 1 to " + MAX_NAME + " characters.");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.invalid("A display name cannot contain control characters.");
    }
    return n;
  }

  static String tokenHash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
