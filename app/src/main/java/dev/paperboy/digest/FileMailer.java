package dev.paperboy.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;

/**
 * The embedded default: no SMTP server, each message is written as a standard .eml file into the
 * outbox folder (open it with any mail program, or read it as text). Files appear whole (written
 * under a temporary name, then moved) and are named after the Message-ID, so a message sent again
 * after a crash replaces its file instead of adding a second.
 */
public final class FileMailer implements Mailer {

  private final Path folder;
  private final String from;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  public FileMailer(Path folder, String from, Clock clock) {
    this.folder = folder;
    this.from = from;
    this.clock = clock;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void send(OutgoingMail mail) throws MailFailure {
    String name = mail.messageId().replaceAll("[^A-Za-z0-9@._-]", "") + ".eml";
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, ".writing-", ".eml");
      try (OutputStream out = Files.newOutputStream(partial)) {
        MimeMessages.build(session, from, mail, clock.instant()).writeTo(out);
      }
      Files.move(
          partial,
          folder.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | MessagingException e) {
      throw new MailFailure(false, "cannot write " + folder.resolve(name) + ": " + e, e);
    }
  }
}
