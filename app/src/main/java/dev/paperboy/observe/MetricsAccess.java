package dev.paperboy.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /metrics}: a client on this machine (127.0.0.1 or ::1) that did not come
 * through a proxy, or anyone with the bearer token {@code PAPERBOY_METRICS_TOKEN}. A request with
 * {@code X-Forwarded-For} or {@code Forwarded} is a proxied one even from 127.0.0.1, so a reverse
 * proxy on the same machine does not open the metrics to the world.
 */
public final class MetricsAccess {

  static final String REFUSAL =
      "Metrics are served to this machine only, or with the bearer token set in"
          + " PAPERBOY_METRICS_TOKEN.";

  private final byte[] token;

  /**
   * @param token the bearer token, or null for this machine only
   */
  public MetricsAccess(BearerToken token) {
    this.token = token == null ? null : token.value().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Why this request may not read the metrics, or empty when it may.
   *
   * @param remoteAddress the connection's peer address
   * @param proxied whether the request carries a proxy's forwarding header
   * @param authorization the Authorization header, or null
   */
  public Optional<String> refusal(String remoteAddress, boolean proxied, String authorization) {
    if (token != null && authorization != null && authorization.startsWith("Bearer ")) {
      byte[] sent = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(sent, token)) {
        return Optional.empty();
      }
    }
    if (!proxied && loopback(remoteAddress)) {
      return Optional.empty();
    }
    return Optional.of(REFUSAL);
  }

  static boolean loopback(String address) {
    if (address == null) {
      return false;
    }
    String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
    return a.equals("127.0.0.1")
        || a.equals("::1")
        || a.equals("0:0:0:0:0:0:0:1")
        || a.equals("::ffff:127.0.0.1");
  }
}
