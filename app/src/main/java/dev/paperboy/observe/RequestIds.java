package dev.paperboy.observe;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for the access log and the {@code X-Request-Id} header: a caller's (a proxy's) id is
 * kept when it is short and made of safe characters, so a log line can be found from either side;
 * anything else is replaced by a new random one.
 */
public final class RequestIds {

  static final int MAX_LENGTH = 64;

  private RequestIds() {}

  /** The incoming id when it is usable, else a new one. */
  public static String accept(String incoming) {
    return safe(incoming) ? incoming : generate();
  }

  /** Sixteen random hex digits: unique enough to find a line, cheap to make. */
  public static String generate() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  /** Letters, digits, '-', '_' and '.', at most 64: nothing that could break a log line. */
  static boolean safe(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
