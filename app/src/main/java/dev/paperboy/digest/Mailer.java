package dev.paperboy.digest;

/** Sends one message: over SMTP, or into the outbox folder when no SMTP server is configured. */
public interface Mailer {

  /**
   * Sends the message.
   *
   * @throws MailFailure saying whether trying again later may help
   */
  void send(OutgoingMail mail) throws MailFailure;

  /** Why a message was not sent; permanent failures (5xx) mean the address will never work. */
  final class MailFailure extends Exception {

    private final boolean permanent;

    public MailFailure(boolean permanent, String message, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
