package dev.paperboy.digest;

import java.time.DayOfWeek;

/**
 * How mail goes out and when digests are due.
 *
 * @param from the From address ("Paperboy <papers@lab.org>")
 * @param smtp the SMTP server, or null to write .eml files into the outbox folder instead
 * @param hour the hour of day (in the instance's time zone) digests go out
 * @param weeklyDay the day weekly digests go out
 * @param size at most this many papers in one digest
 */
public record MailSettings(String from, Smtp smtp, int hour, DayOfWeek weeklyDay, int size) {

  public MailSettings {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("PAPERBOY_DIGEST_HOUR must be 0..23, got " + hour);
    }
    if (size < 1 || size > 50) {
      throw new IllegalArgumentException("PAPERBOY_DIGEST_SIZE must be 1..50, got " + size);
    }
  }

  /** Defaults: no SMTP (files), 07:00, weekly on Mondays, 10 papers. */
  public static MailSettings defaults(String from) {
    return new MailSettings(from, null, 7, DayOfWeek.MONDAY, 10);
  }

  public MailSettings withSmtp(Smtp server) {
    return new MailSettings(from, server, hour, weeklyDay, size);
  }

  /** An SMTP server; {@link #toString()} never shows the password. */
  public record Smtp(String host, int port, Security security, String user, String password) {

    /** How the connection is protected. */
    public enum Security {
      STARTTLS,
      SSL,
      NONE
    }

    @Override
    public String toString() {
      return host
          + ":"
          + port
          + " ("
          + security.name().toLowerCase(java.util.Locale.ROOT)
          + (user == null
              ? ""
              : ", user " + user + ", password " + (password == null ? "none" : "****"))
          + ")";
    }
  }
}
