package dev.paperboy.community;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), with OWASP's recommended cost (19 MiB, 2 passes, 1
 * lane). The parameters travel with each hash, so raising the cost later still verifies old hashes.
 *
 * <p>Each hash takes 19 MiB and tens of milliseconds of a core, so only as many run at once as
 * there are cores; a request that cannot get a turn within a second is refused as busy (503) rather
 * than queueing memory and threads without end. Callers apply their rate limits before asking.
 */
final class Passwords {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;

  private static final int MEMORY_KB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private static final Duration WAIT_FOR_TURN = Duration.ofSeconds(1);

  private final SecureRandom random = new SecureRandom();
  private final Semaphore turns;
  private final AtomicLong computed = new AtomicLong();

  Passwords() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  Passwords(int concurrent) {
    this.turns = new Semaphore(concurrent, true);
  }

  /** How many Argon2 computations this process has run (hashes and verifications). */
  long computed() {
    return computed.get();
  }

  /**
   * A well-formed hash with today's parameters that no password matches (an all-zero salt and
   * hash): checking a password against it costs what checking against a real one does, so a sign-in
   * with an unknown email takes as long as one with a known email, and nothing is hashed at
   * start-up to make it.
   */
  static String unmatchable() {
    return phc(new byte[SALT_BYTES], new byte[HASH_BYTES]);
  }

  String hash(String password) {
    return gated(() -> unguardedHash(password));
  }

  private String unguardedHash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return phc(salt, argon2(password, salt, MEMORY_KB, ITERATIONS, PARALLELISM, HASH_BYTES));
  }

  /** The PHC string format of an Argon2id hash with today's parameters. */
  private static String phc(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + MEMORY_KB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** True when the password matches the stored hash; compares in constant time. */
  boolean verify(String stored, String password) {
    return gated(() -> unguardedVerify(stored, password));
  }

  private <T> T gated(Supplier<T> argon2) {
    boolean turn;
    try {
      turn = turns.tryAcquire(WAIT_FOR_TURN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      throw new Refusal(
          Refusal.Kind.UNAVAILABLE,
          "Paperboy is busy checking other passwords. Try again in a few seconds.",
          Duration.ofSeconds(5));
    }
    try {
      computed.incrementAndGet();
      return argon2.get();
    } finally {
      turns.release();
    }
  }

  private boolean unguardedVerify(String stored, String password) {
    Matcher m = PHC.matcher(stored);
    if (!m.matches()) {
      return false;
    }
    byte[] expected = B64_DECODE.decode(m.group(5));
    byte[] actual =
        argon2(
            password,
            B64_DECODE.decode(m.group(4)),
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Checks a new password; the message says what to change. */
  static void validate(String password, String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw Refusal.invalid("Choose a password of at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      throw Refusal.invalid("A password can be at most " + MAX_LENGTH + " characters.");
    }
    if (email != null && password.equalsIgnoreCase(email)) {
      throw Refusal.invalid("Your password must not be your email address.");
    }
  }

  private static byte[] argon2(
      String password, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKb)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
