package dev.paperboy.community;

import dev.paperboy.storage.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * What stands between a password guesser and the hash: limits checked before any password is
 * hashed, so a flood costs Paperboy a map lookup per request, not an Argon2 run.
 *
 * <ul>
 *   <li>one address may try {@value #PER_IP} sign-ins per 15 minutes, on any accounts;
 *   <li>one address's failures on one account back off: {@value #FREE_FAILURES} are free, then 30
 *       s, 1, 2, 4 ... up to 15 minutes between tries. Other addresses are not slowed, so an
 *       attacker cannot lock the owner out by failing on purpose;
 *   <li>an account takes at most {@value #PER_ACCOUNT_UNTRUSTED} tries per 15 minutes from browsers
 *       that never signed into it (a guesser spread over many addresses). A browser the owner
 *       signed in with before carries a signed device cookie and skips this limit.
 * </ul>
 *
 * <p>The per-account limit is counted in the database, shared by every node; the per-address ones
 * are each node's own (a guesser reaching N nodes from one address gets N times theirs, and still
 * at most {@value #PER_ACCOUNT_UNTRUSTED} tries per account from new browsers).
 */
final class SignInLimits {

  static final int PER_IP = 30;
  static final int FREE_FAILURES = 5;
  static final int PER_ACCOUNT_UNTRUSTED = 20;

  private final RateLimiter perIp;
  private final Backoff perIpAndAccount;
  private final SharedLimiter perAccountUntrusted;

  SignInLimits(Database db, Clock clock) {
    Duration quarter = Duration.ofMinutes(15);
    this.perIp = new RateLimiter(PER_IP, quarter, clock);
    this.perIpAndAccount =
        new Backoff(FREE_FAILURES, Duration.ofSeconds(30), quarter, Duration.ofHours(1), clock);
    this.perAccountUntrusted =
        new SharedLimiter(db, "signin", PER_ACCOUNT_UNTRUSTED, quarter, clock);
  }

  /** Counts this attempt and refuses it when a limit says wait; runs before any hashing. */
  void admit(String ip, String email, boolean trustedDevice) {
    perIp.acquire("ip:" + ip, "Too many sign-in attempts from your network.");
    perIpAndAccount.check(key(ip, email), "Too many failed sign-ins for this account.");
    if (!trustedDevice) {
      perAccountUntrusted.acquire(
          "account:" + email,
          "Too many sign-in attempts on this account from new browsers. Sign in from a browser"
              + " you used before, or reset your password by email.");
    }
  }

  void failed(String ip, String email) {
    perIpAndAccount.failed(key(ip, email));
  }

  void succeeded(String ip, String email) {
    perIpAndAccount.reset(key(ip, email));
  }

  /** After a password reset: every address starts afresh on the account. */
  void forget(String email) {
    String suffix = "|" + email;
    perIpAndAccount.resetAll(k -> k.endsWith(suffix));
    perAccountUntrusted.reset("account:" + email);
  }

  private static String key(String ip, String email) {
    return ip + "|" + email;
  }
}
