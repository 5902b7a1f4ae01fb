package dev.paperboy.community;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-up with a confirmed address. Asking for an account answers the same whatever the address (no
 * one learns who has an account here): a new address gets a link that creates the account, one with
 * an account gets a note pointing to sign-in and password reset. Each request counts against its
 * network's limit before the password is hashed, and the hash runs in both cases, so the two cost
 * the same.
 */
public final class SignUps {

  /** How long the link that finishes a sign-up works. */
  public static final Duration LINK_LIFETIME = Duration.ofHours(24);

  /** A lab or reading group often shares one address, so sign-ups per address are generous. */
  static final int PER_IP_PER_HOUR = 20;

  /**
   * Tries for one email address, from anywhere: a flood spread over many networks still hashes at
   * most this often per address (new or taken alike, so the limit tells nobody anything).
   */
  static final int PER_EMAIL_PER_HOUR = 5;

  /** A sign-up waiting for its address to be confirmed. */
  public record Pending(String email, String displayName, Instant expires) {}

  private final Database db;
  private final Accounts accounts;
  private final AccountMail mail;
  private final Clock clock;
  private final RateLimiter perIp;
  private final SharedLimiter perEmail;
  private final SecureRandom random = new SecureRandom();

  SignUps(Database db, Accounts accounts, AccountMail mail, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.mail = mail;
    this.clock = clock;
    this.perIp = new RateLimiter(PER_IP_PER_HOUR, Duration.ofHours(1), clock);
    // counted across nodes: it is what bounds the hashing a spread-out flood on one address costs
    this.perEmail = new SharedLimiter(db, "signup", PER_EMAIL_PER_HOUR, Duration.ofHours(1), clock);
  }

  /**
   * Starts a sign-up: validates the form, then (within the network's limit) mails the address
   * either the link that finishes it or, when it has an account already, a note saying so.
   */
  public void start(String email, String displayName, String password, String ip) {
    String normalEmail = AccountRows.normaliseEmail(email);
    String name = AccountRows.normaliseName(displayName);
    Passwords.validate(password, normalEmail);
    perIp.acquire("ip:" + ip, "Too many sign-ups from your network.");
    perEmail.acquire("email:" + normalEmail, "Too many sign-ups for this address.");
    String hash = accounts.hashPassword(password);
    String token = newToken();
    Instant now = clock.instant();
    Instant expires = now.plus(LINK_LIFETIME);
    Optional<String> existingName =
        db.transaction(
            c -> {
              Sql.update(c, "DELETE FROM pending_signups WHERE expires_at < ?", now.toString());
              Optional<AccountRows.Stored> stored = AccountRows.stored(c, normalEmail);
              if (stored.isPresent()) {
                return Optional.of(stored.get().user().displayName());
              }
              Sql.update(
                  c,
                  "INSERT INTO pending_signups (token_hash, email, display_name, password_hash,"
                      + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                  AccountRows.tokenHash(token),
                  normalEmail,
                  name,
                  hash,
                  now.toString(),
                  expires.toString());
              return Optional.empty();
            });
    if (existingName.isPresent()) {
      mail.alreadySignedUp(normalEmail, existingName.get());
    } else {
      mail.finishSignUp(normalEmail, name, confirmPath(token), LINK_LIFETIME);
    }
  }

  /** The sign-up a mailed link names, while the link works. */
  public Optional<Pending> pending(String token) {
    if (!plausible(token)) {
      return Optional.empty();
    }
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT email, display_name, expires_at FROM pending_signups"
                    + " WHERE token_hash = ? AND expires_at > ?",
                rs -> new Pending(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))),
                AccountRows.tokenHash(token),
                clock.instant().toString()));
  }

  /**
   * Creates the account a mailed link names. The link works once; if the address got an account in
   * the meantime (an earlier link), the person is told to sign in.
   */
  public User finish(String token) {
    Refusal stale =
        Refusal.invalid(
            "This sign-up link has expired or was used already. Sign up again for a fresh one.");
    if (!plausible(token)) {
      throw stale;
    }
    return db.transaction(
        c -> {
          record Row(long id, String email, String name, String hash) {}
          Row row =
              Sql.one(
                      c,
                      "SELECT id, email, display_name, password_hash FROM pending_signups"
                          + " WHERE token_hash = ? AND expires_at > ?",
                      rs ->
                          new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                      AccountRows.tokenHash(token),
                      clock.instant().toString())
                  .orElseThrow(() -> stale);
          Sql.update(c, "DELETE FROM pending_signups WHERE email = ?", row.email());
          if (AccountRows.exists(c, row.email())) {
            throw new Refusal(
                Refusal.Kind.CONFLICT,
                "This address has an account already. Sign in, or reset the password by email.");
          }
          return accounts.insert(c, row.email(), row.name(), row.hash(), Role.USER);
        });
  }

  static String confirmPath(String token) {
    return "/signup/confirm?t=" + token;
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean plausible(String token) {
    return token != null && token.length() >= 20 && token.length() <= 100;
  }
}
