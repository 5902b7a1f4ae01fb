package dev.paperboy.community;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Forgotten passwords: a mailed link, signed with the installation's secret over the account, an
 * expiry {@value #LIFETIME_MINUTES} minutes ahead and the current password hash, so the link works
 * once (the new password changes the hash) and dies with any other password change. Asking answers
 * the same whether or not the address has an account. A reset ends every session of the account and
 * clears its failed sign-ins.
 */
public final class PasswordResets {

  static final int LIFETIME_MINUTES = 30;
  public static final Duration LIFETIME = Duration.ofMinutes(LIFETIME_MINUTES);

  /** What a reset link names; the signature is checked against the account as stored. */
  public record Link(long userId, long expires, String token) {}

  private final Database db;
  private final Accounts accounts;
  private final Secret secret;
  private final AccountMail mail;
  private final Clock clock;
  private final RateLimiter requestsPerIp;
  private final RateLimiter resetsPerIp;

  PasswordResets(Database db, Accounts accounts, Secret secret, AccountMail mail, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.secret = secret;
    this.mail = mail;
    this.clock = clock;
    this.requestsPerIp = new RateLimiter(10, Duration.ofHours(1), clock);
    this.resetsPerIp = new RateLimiter(10, Duration.ofMinutes(15), clock);
  }

  /** Mails a reset link when the address has an account that is not blocked. */
  public void request(String email, String ip) {
    String normalEmail = AccountRows.normaliseEmail(email);
    requestsPerIp.acquire("ip:" + ip, "Too many password resets asked from your network.");
    Optional<AccountRows.Stored> stored = db.read(c -> AccountRows.stored(c, normalEmail));
    if (stored.isEmpty() || stored.get().user().blocked()) {
      return;
    }
    User user = stored.get().user();
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    String path =
        "/reset-password?u="
            + user.id()
            + "&e="
            + expires
            + "&t="
            + secret.sign(signed(user.id(), expires, stored.get().hash()));
    mail.resetPassword(user.email(), user.displayName(), path, LIFETIME);
  }

  /** The account a link resets, while it works. */
  public Optional<User> check(Link link) {
    return db.read(c -> valid(link, current(c, link.userId())));
  }

  /** Sets the new password from a working link and ends every session of the account. */
  public User reset(Link link, String password, String ip) {
    resetsPerIp.acquire("ip:" + ip, "Too many password resets from your network.");
    User user =
        check(link)
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        "This reset link has expired or was used already. Ask for a new one."));
    Passwords.validate(password, user.email());
    String hash = accounts.hashPassword(password);
    db.transaction(
        c -> {
          // the same check again inside the write: two tabs posting one link reset only once
          if (valid(link, current(c, link.userId())).isEmpty()) {
            throw Refusal.invalid("This reset link was used already. Ask for a new one.");
          }
          return accounts.replaceHash(c, user.id(), hash, null);
        });
    accounts.forgetFailedSignIns(user.email());
    return user;
  }

  private static Optional<AccountRows.Stored> current(Connection c, long userId)
      throws SQLException {
    Optional<User> user = AccountRows.find(c, userId);
    return user.isEmpty() ? Optional.empty() : AccountRows.stored(c, user.get().email());
  }

  private Optional<User> valid(Link link, Optional<AccountRows.Stored> stored) {
    long now = clock.instant().getEpochSecond();
    boolean inTime = link.expires() > now && link.expires() <= now + LIFETIME.toSeconds() + 60;
    if (!inTime || stored.isEmpty() || stored.get().user().blocked()) {
      return Optional.empty();
    }
    String text = signed(link.userId(), link.expires(), stored.get().hash());
    return secret.verify(text, link.token()) ? Optional.of(stored.get().user()) : Optional.empty();
  }

  private static String signed(long userId, long expires, String passwordHash) {
    return "reset:" + userId + ":" + expires + ":" + passwordHash;
  }
}
