package dev.paperboy.community;

import static dev.paperboy.community.AccountRows.tokenHash;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Secret;
import dev.paperboy.storage.Sql;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret tokens of readers' private feed addresses, one per user. A token is the server key's
 * signature of the user and a random nonce: the table alone cannot rebuild it, yet the settings
 * page can show it again. Lookups go by the token's hash; a new nonce revokes the old address.
 */
public final class FeedTokens {

  private static final int NONCE_BYTES = 18;

  private final Database db;
  private final Secret secret;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public FeedTokens(Database db, Secret secret, Clock clock) {
    this.db = db;
    this.secret = secret;
    this.clock = clock;
  }

  /** The user's current token, if they made one. */
  public Optional<String> of(User user) {
    return db.read(
            c ->
                Sql.one(
                    c,
                    "SELECT nonce FROM feed_tokens WHERE user_id = ?",
                    rs -> rs.getString(1),
                    user.id()))
        .map(nonce -> token(user.id(), nonce));
  }

  /** A new token for the user; the one before it, if any, stops working at once. */
  public String renew(User user) {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    String token = token(user.id(), nonce);
    db.transaction(
        c -> {
          Sql.update(c, "DELETE FROM feed_tokens WHERE user_id = ?", user.id());
          return Sql.update(
              c,
              "INSERT INTO feed_tokens (user_id, nonce, token_hash, created_at)"
                  + " VALUES (?, ?, ?, ?)",
              user.id(),
              nonce,
              tokenHash(token),
              clock.instant().toString());
        });
    return token;
  }

  /** The id of the user whose current token this is; empty for a revoked or unknown one. */
  public Optional<Long> userOf(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT user_id FROM feed_tokens WHERE token_hash = ?",
                rs -> rs.getLong(1),
                tokenHash(token)));
  }

  private String token(long userId, String nonce) {
    return secret.sign("feed-token:" + userId + ":" + nonce);
  }
}
