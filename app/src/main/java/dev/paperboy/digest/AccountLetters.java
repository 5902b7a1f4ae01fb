package dev.paperboy.digest;

import dev.paperboy.community.AccountMail;
import dev.paperboy.storage.Database;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account mail (finishing a sign-up, a password reset) through the outbox: written to the database
 * on the caller's thread, sent by the mail thread. An address gets at most {@value #PER_HOUR}
 * account mails an hour; more requests are answered as usual and send nothing.
 */
public final class AccountLetters implements AccountMail {

  static final int PER_HOUR = 3;

  /** What the account-mail template shows: a heading, paragraphs, one button. */
  public record LetterView(
      String heading, List<String> paragraphs, String buttonUrl, String buttonText, String note) {}

  private static final Logger log = LoggerFactory.getLogger(AccountLetters.class);

  private final Database db;
  private final Outbox outbox;
  private final String publicUrl;
  private final Runnable wake;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  AccountLetters(Database db, Outbox outbox, String publicUrl, Runnable wake, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.publicUrl = publicUrl;
    this.wake = wake;
    this.clock = clock;
  }

  @Override
  public void finishSignUp(String email, String name, String path, Duration validFor) {
    send(
        email,
        "signup",
        "Finish creating your Paperboy account",
        new LetterView(
            "Finish creating your account",
            List.of(
                "Hello " + name + ",",
                "someone, hopefully you, asked for a Paperboy account with this address. Open"
                    + " the link to create it:"),
            publicUrl + path,
            "Create my account",
            "The link works for "
                + hours(validFor)
                + ". If you did not ask for an account, ignore this mail: nothing more is sent."));
  }

  @Override
  public void alreadySignedUp(String email, String name) {
    send(
        email,
        "signup-again",
        "You already have a Paperboy account",
        new LetterView(
            "You already have an account",
            List.of(
                "Hello " + name + ",",
                "someone, hopefully you, tried to create a Paperboy account with this address,"
                    + " but it has one already. Sign in with it, or set a new password if you"
                    + " forgot it: "
                    + publicUrl
                    + "/forgot-password"),
            publicUrl + "/signin",
            "Sign in",
            "If this was not you, ignore this mail: your account is unchanged."));
  }

  @Override
  public void resetPassword(String email, String name, String path, Duration validFor) {
    send(
        email,
        "reset",
        "Set a new Paperboy password",
        new LetterView(
            "Set a new password",
            List.of(
                "Hello " + name + ",",
                "someone, hopefully you, asked to reset the password of your Paperboy account."
                    + " Open the link to choose a new one; every signed-in browser is signed out"
                    + " when you do."),
            publicUrl + path,
            "Choose a new password",
            "The link works once, for "
                + validFor.toMinutes()
                + " minutes. If you did not ask, ignore this mail: your password stays as it is."));
  }

  private void send(String to, String kind, String subject, LetterView view) {
    String nonce = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    OutgoingMail mail =
        new OutgoingMail(
            "<account." + kind + "." + nonce + "@" + host() + ">",
            to,
            subject,
            text(view),
            render(view),
            Map.of("Auto-Submitted", "auto-generated"));
    boolean queued =
        db.transaction(
            c -> {
              if (outbox.accountMailsSince(c, to, clock.instant().minus(Duration.ofHours(1)))
                  >= PER_HOUR) {
                return false;
              }
              outbox.queue(c, null, "account." + kind, mail);
              return true;
            });
    if (queued) {
      wake.run();
    } else {
      log.warn("Not sending more account mail to an address this hour ({} asked)", kind);
    }
  }

  private static String text(LetterView v) {
    StringBuilder t = new StringBuilder(v.heading()).append("\n\n");
    for (String p : v.paragraphs()) {
      t.append(p).append("\n\n");
    }
    t.append(v.buttonUrl()).append("\n\n").append(v.note()).append("\n");
    return t.toString();
  }

  private String render(LetterView view) {
    StringOutput out = new StringOutput();
    templates.render("mail/account.jte", view, out);
    return out.toString();
  }

  private String host() {
    String host = URI.create(publicUrl).getHost();
    return host == null ? "paperboy.local" : host;
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    return h == 1 ? "an hour" : h + " hours";
  }
}
