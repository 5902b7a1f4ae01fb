package dev.paperboy;

import dev.paperboy.storage.Dialect;
import java.util.Map;

/**
 * Which database to use: a JDBC URL with its user and password, or (url null) the embedded SQLite
 * file in the data directory. The password is never shown: {@link #toString()} leaves it out.
 *
 * @param url PAPERBOY_DATABASE_URL, e.g. {@code jdbc:postgresql://db:5432/paperboy}
 * @param user PAPERBOY_DATABASE_USER
 * @param password PAPERBOY_DATABASE_PASSWORD
 */
public record DatabaseSettings(String url, String user, String password) {

  /** The embedded default. */
  public static final DatabaseSettings EMBEDDED = new DatabaseSettings(null, null, null);

  public DatabaseSettings {
    url = blankToNull(url);
    user = blankToNull(user);
    if (url != null && url.contains("password=")) {
      throw new IllegalArgumentException(
          "PAPERBOY_DATABASE_URL must not carry the password (it would be logged):"
              + " set PAPERBOY_DATABASE_PASSWORD");
    }
    if (url != null) {
      Dialect.of(url); // says which URLs it takes
    }
  }

  static DatabaseSettings resolve(Map<String, String> env) {
    return new DatabaseSettings(
        env.get("PAPERBOY_DATABASE_URL"),
        env.get("PAPERBOY_DATABASE_USER"),
        env.get("PAPERBOY_DATABASE_PASSWORD"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The URL and user, never the password. */
  @Override
  public String toString() {
    return url == null ? "embedded" : url + (user == null ? "" : " as " + user);
  }
}
