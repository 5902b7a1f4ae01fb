package dev.paperboy.digest;

import java.util.Map;

/**
 * One message, fully composed: what the outbox stores before sending and what a {@link Mailer}
 * sends, byte for byte the same on every retry.
 */
public record OutgoingMail(
    String messageId,
    String to,
    String subject,
    String text,
    String html,
    Map<String, String> headers) {

  public OutgoingMail {
    headers = Map.copyOf(headers);
  }
}
