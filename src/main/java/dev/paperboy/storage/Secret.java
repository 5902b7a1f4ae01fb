package dev.paperboy.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * This installation's secret key: 32 random bytes in a file beside the database, readable only by
 * its owner, made on first start. It signs values that travel through browsers and mail (CSRF
 * tokens, unsubscribe links) so they cannot be forged.
 */
public final class Secret {

  private static final int BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  private Secret(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
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
          Files.write(file, bytes);
        }
      }
      byte[] bytes = Files.readAllBytes(file);
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
      return new Secret(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret key " + file, e);
    }
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
