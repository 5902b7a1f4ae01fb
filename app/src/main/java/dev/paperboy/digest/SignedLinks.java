package dev.paperboy.digest;

import dev.paperboy.storage.Secret;
import java.time.Clock;
import java.time.Duration;

/**
 * The links in mail, signed with the installation secret so only Paperboy can make them: confirm
 * (expires after {@link #CONFIRM_LIFETIME}, dies when a newer confirmation is sent), manage and
 * unsubscribe (work as long as the subscription exists, so a link in an old mail still works).
 */
public final class SignedLinks {

  public static final Duration CONFIRM_LIFETIME = Duration.ofDays(7);

  private final Secret secret;
  private final String publicUrl;
  private final Clock clock;

  public SignedLinks(Secret secret, String publicUrl, Clock clock) {
    this.secret = secret;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  public String publicUrl() {
    return publicUrl;
  }

  public String confirm(Subscription s) {
    long expires = clock.instant().plus(CONFIRM_LIFETIME).getEpochSecond();
    return publicUrl
        + "/subscriptions/confirm?s="
        + s.id()
        + "&e="
        + expires
        + "&t="
        + secret.sign(confirmText(s, expires));
  }

  public String unsubscribe(Subscription s) {
    return publicUrl + unsubscribePath(s);
  }

  /** The unsubscribe link without the host, for pages of this site. */
  public String unsubscribePath(Subscription s) {
    return "/unsubscribe?s=" + s.id() + "&t=" + secret.sign(keyText("unsubscribe", s));
  }

  public String manage(Subscription s) {
    return publicUrl + managePath(s);
  }

  /** The manage link without the host, for pages of this site. */
  public String managePath(Subscription s) {
    return "/subscriptions/manage?s=" + s.id() + "&t=" + secret.sign(keyText("manage", s));
  }

  /** The token of a manage link, for the form that posts the changes back. */
  public String manageToken(Subscription s) {
    return secret.sign(keyText("manage", s));
  }

  boolean confirmValid(Subscription s, long expires, String token) {
    // compared as numbers: a forged expiry past Instant's range must not throw
    return expires > clock.instant().getEpochSecond()
        && secret.verify(confirmText(s, expires), token);
  }

  boolean unsubscribeValid(Subscription s, String token) {
    return secret.verify(keyText("unsubscribe", s), token);
  }

  boolean manageValid(Subscription s, String token) {
    return secret.verify(keyText("manage", s), token);
  }

  private static String confirmText(Subscription s, long expires) {
    return "confirm:" + s.id() + ":" + s.linkKey() + ":" + s.confirmSeq() + ":" + expires;
  }

  private static String keyText(String purpose, Subscription s) {
    return purpose + ":" + s.id() + ":" + s.linkKey();
  }
}
