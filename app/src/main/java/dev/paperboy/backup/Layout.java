package dev.paperboy.backup;

import java.nio.file.Path;

/**
 * Where a data directory keeps what a backup holds.
 *
 * @param secret the key that signs links and tokens; without it, mailed links stop working
 */
public record Layout(Path dataDir, Path database, Path index, Path secret) {

  /** The same names inside a backup folder. */
  static final String DATABASE = "paperboy.db";

  static final String INDEX = "index";
  static final String SECRET = "secret.key";
  static final String MANIFEST = "backup.properties";
}
