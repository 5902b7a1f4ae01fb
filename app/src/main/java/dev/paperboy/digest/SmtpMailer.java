package dev.paperboy.digest;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends over SMTP with STARTTLS, SSL or neither, with timeouts. The server's reply decides what a
 * failure means: 4xx (and connection trouble) is temporary, 5xx is permanent.
 */
public final class SmtpMailer implements Mailer {

  private static final String TIMEOUT_MILLIS = "30000";

  private final MailSettings.Smtp smtp;
  private final String from;
  private final Clock clock;
  private final Session session;

  public SmtpMailer(MailSettings.Smtp smtp, String from, Clock clock) {
    this.smtp = smtp;
    this.from = from;
    this.clock = clock;
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    p.put("mail.smtp.auth", Boolean.toString(smtp.user() != null));
    switch (smtp.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case SSL -> p.put("mail.smtp.ssl.enable", "true");
      case NONE -> {}
    }
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(OutgoingMail mail) throws MailFailure {
    try {
      var message = MimeMessages.build(session, from, mail, clock.instant());
      if (smtp.user() == null) {
        Transport.send(message);
      } else {
        Transport.send(message, smtp.user(), smtp.password());
      }
    } catch (AuthenticationFailedException e) {
      // our settings, not the reader's address: keep the mail and let an admin fix the password
      throw new MailFailure(false, "the SMTP server refused our login: " + e.getMessage(), e);
    } catch (MessagingException e) {
      int code = replyCode(e);
      String why = code > 0 ? "SMTP " + code + ": " + reply(e) : "SMTP: " + e.getMessage();
      throw new MailFailure(code >= 500, why, e);
    }
  }

  /** The first SMTP reply code in the exception chain, or 0 when there was none (I/O trouble). */
  static int replyCode(Exception e) {
    for (Exception x = e; x != null; x = next(x)) {
      if (x instanceof SMTPAddressFailedException f) {
        return f.getReturnCode();
      }
      if (x instanceof SMTPSenderFailedException f) {
        return f.getReturnCode();
      }
      if (x instanceof SMTPSendFailedException f) {
        return f.getReturnCode();
      }
    }
    return 0;
  }

  private static String reply(Exception e) {
    for (Exception x = e; x != null; x = next(x)) {
      if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException) {
        return x.getMessage().strip();
      }
    }
    return e.getMessage();
  }

  private static Exception next(Exception e) {
    return e instanceof MessagingException m ? m.getNextException() : null;
  }
}
