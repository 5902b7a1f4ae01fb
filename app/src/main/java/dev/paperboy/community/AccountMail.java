package dev.paperboy.community;

import java.time.Duration;

/**
 * The mail accounts send. Links are paths on this site; the implementation adds the public address,
 * queues the message for the mail thread (never sending on the caller's thread) and sends an
 * address only a few account mails an hour, so nobody can use Paperboy to flood an inbox.
 */
public interface AccountMail {

  /** The link that finishes creating an account for a new address. */
  void finishSignUp(String email, String name, String path, Duration validFor);

  /**
   * Someone signed up with an address that has an account: point its owner to sign-in and reset.
   */
  void alreadySignedUp(String email, String name);

  /** The link that sets a new password. */
  void resetPassword(String email, String name, String path, Duration validFor);

  /** Sends nothing: for commands and tests that never mail. */
  AccountMail NONE =
      new AccountMail() {
        @Override
        public void finishSignUp(String email, String name, String path, Duration validFor) {}

        @Override
        public void alreadySignedUp(String email, String name) {}

        @Override
        public void resetPassword(String email, String name, String path, Duration validFor) {}
      };
}
