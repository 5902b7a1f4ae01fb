package dev.paperboy.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This installation's secret key: 32 random bytes, made on first start. It signs values that travel
 * through browsers and mail (CSRF tokens, device cookies, unsubscribe links) so they cannot be
 * forged. A server keeps it in the database ({@link #shared}), so every node signs alike; a key
 * file from before is adopted.
 */
public final class Secret {

  private static final int BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  private Secret(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** The name of the key in the {@code secrets} table. */
  static final String SIGNING_KEY = "signing-key";

  private static final Logger log = LoggerFactory.getLogger(Secret.class);

  /**
   * The key every node of the database shares: the one stored there, else the one in {@code
   * legacyFile} (a key file from before the key moved into the database, so links already mailed
   * and forms already open keep working), else a new random one. Whichever node stores it first
   * wins, and the others read that one.
   */
  public static Secret shared(Database db, Path legacyFile) {
    Optional<byte[]> stored = stored(db);
    if (stored.isEmpty()) {
      byte[] candidate;
      if (Files.exists(legacyFile)) {
        candidate = read(legacyFile);
        log.info("Adopting the secret key of {} into the database", legacyFile);
      } else {
        candidate = new byte[BYTES];
        new SecureRandom().nextBytes(candidate);
      }
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO NOTHING",
                  SIGNING_KEY,
                  B64.encodeToString(candidate),
                  Leases.time(Instant.now())));
      stored = stored(db);
    } else if (Files.exists(legacyFile) && !MessageDigest.isEqual(stored.get(), read(legacyFile))) {
      log.warn(
          "{} differs from the secret key in the database and is not used; the database's key"
              + " signs links and tokens",
          legacyFile);
    }
    return new Secret(stored.orElseThrow());
  }

  private static Optional<byte[]> stored(Database db) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT value FROM secrets WHERE name = ?",
                rs -> Base64.getUrlDecoder().decode(rs.getString(1)),
                SIGNING_KEY));
  }

  /** Reads the key file, creating it (owner-only) when it does not exist yet. */
  public static Secret load(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.write(file, bytes);
        } catch (FileAlreadyExistsException raced) {
          // another process made it first; read theirs
        } catch (UnsupportedOperationException notPosix) {
          // no owner-only permissions on this file system; still never overwrite another
          // process's key
          try {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
          } catch (FileAlreadyExistsException raced) {
            // theirs is read below
          }
        }
      }
      return new Secret(read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret key " + file, e);
    }
  }

  private static byte[] read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key " + file, e);
    }
    if (bytes.length < BYTES) {
      throw new IllegalStateException(
          file
              + " holds "
              + bytes.length
              + " bytes, not a "
              + BYTES
              + "-byte key; delete it"
              + " to make a new one (signed-in sessions stay, open forms must be reloaded)");
    }
    return bytes;
  }

  /** An HMAC-SHA256 signature of the text, URL-safe. */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** True when {@code signature} is this key's signature of {@code text}; constant time. */
  public boolean verify(String text, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            sign(text).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
