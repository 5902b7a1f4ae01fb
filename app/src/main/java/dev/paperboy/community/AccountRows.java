package dev.paperboy.community;

import dev.paperboy.storage.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading account rows, and the rules for what an email, a name and a stored token look like. */
final class AccountRows {

  static final int MAX_NAME = 50;
  static final String USER_COLUMNS =
      "id, email, display_name, role, votes_public, created_at, blocked_at";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private AccountRows() {}

  /** An account as stored, with its password hash (which never leaves this package). */
  record Stored(User user, String hash) {}

  static boolean exists(Connection c, String normalEmail) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM users WHERE email = ?", normalEmail) > 0;
  }

  static Optional<User> find(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", AccountRows::user, id);
  }

  static Optional<Stored> stored(Connection c, String email) throws SQLException {
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
