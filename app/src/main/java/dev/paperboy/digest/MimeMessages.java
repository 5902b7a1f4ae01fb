package dev.paperboy.digest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;

/** Turns a composed message into MIME: multipart/alternative, plain text first, then HTML. */
final class MimeMessages {

  private MimeMessages() {}

  static MimeMessage build(Session session, String from, OutgoingMail mail, Instant date)
      throws MessagingException {
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            // the same id on every retry, so a repeat after a crash reads as the same message
            setHeader("Message-ID", mail.messageId());
          }
        };
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
    m.setSubject(mail.subject(), "UTF-8");
    m.setSentDate(Date.from(date));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(mail.html(), "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    for (var header : mail.headers().entrySet()) {
      m.setHeader(header.getKey(), header.getValue());
    }
    m.saveChanges();
    return m;
  }
}
