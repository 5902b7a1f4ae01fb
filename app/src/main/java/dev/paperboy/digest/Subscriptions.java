package dev.paperboy.digest;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions with double opt-in: a new or lapsed address gets one confirmation mail (a signed,
 * expiring link) and nothing else until it is clicked. A confirmed address that subscribes again
 * gets no mail at all; a pending one gets a new confirmation at most once an hour.
 */
public final class Subscriptions {

  /** What a subscribe request led to. The page says the same for all, so nothing leaks. */
  public enum Outcome {
    CONFIRMATION_QUEUED,
    CONFIRMATION_RECENTLY_SENT,
    ALREADY_CONFIRMED
  }

  /** The reader's choices, validated. */
  public record Choices(
      Subscription.Frequency frequency,
      Subscription.Kind kind,
      List<String> keywords,
      List<String> categories,
      List<String> authors) {

    public static final Choices DAILY_TRENDING =
        new Choices(
            Subscription.Frequency.DAILY,
            Subscription.Kind.TRENDING,
            List.of(),
            List.of(),
            List.of());

    public static final Choices WEEKLY_TRENDING =
        new Choices(
            Subscription.Frequency.WEEKLY,
            Subscription.Kind.TRENDING,
            List.of(),
            List.of(),
            List.of());

    public Choices {
      keywords = clean(keywords, "keyword");
      categories = clean(categories, "category");
      authors = clean(authors, "author");
      if (kind == Subscription.Kind.TOPICS
          && keywords.isEmpty()
          && categories.isEmpty()
          && authors.isEmpty()) {
        throw new IllegalArgumentException(
            "Name at least one keyword, category or author to follow, or choose trending papers.");
      }
    }

    private static List<String> clean(List<String> items, String what) {
      List<String> out =
          items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
      if (out.size() > 20) {
        throw new IllegalArgumentException(
            "Follow at most 20 of each; you gave " + out.size() + " " + what + "s.");
      }
      for (String s : out) {
        if (s.length() > 100) {
          throw new IllegalArgumentException("A " + what + " can be at most 100 characters.");
        }
      }
      return out;
    }
  }

  /** Refused because one network asked too often (mail bombing someone else's inbox). */
  public static final class TooManyRequests extends RuntimeException {
    TooManyRequests(String message) {
      super(message, null, false, false);
    }
  }

  static final Duration RESEND_AFTER = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int REQUESTS_PER_ADDRESS_PER_HOUR = 10;

  private final Database db;
  private final Outbox outbox;
  private final DigestComposer composer;
  private final SignedLinks links;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Deque<Instant>> requestsByIp = new HashMap<>();

  public Subscriptions(
      Database db, Outbox outbox, DigestComposer composer, SignedLinks links, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.composer = composer;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Subscribes an address, queueing a confirmation mail when one is due (the mail goes out from the
   * background delivery, never from the caller's thread).
   *
   * @param ip the requester's address, for rate limiting
   * @throws IllegalArgumentException with a message for the person when the email is not one
   */
  public Outcome subscribe(String email, Choices choices, Long userId, String ip) {
    String address = normalise(email);
    limit(ip);
    Instant now = clock.instant();
    return db.transaction(
        c -> {
          Optional<Subscription> existing = findByEmail(c, address);
          if (existing.isPresent() && existing.get().confirmed()) {
            return Outcome.ALREADY_CONFIRMED;
          }
          if (existing.isPresent()
              && existing.get().state() == Subscription.State.PENDING
              && existing.get().confirmationSentAt() != null
              && existing.get().confirmationSentAt().plus(RESEND_AFTER).isAfter(now)) {
            return Outcome.CONFIRMATION_RECENTLY_SENT;
          }
          long id;
          if (existing.isPresent()) {
            id = existing.get().id();
            Sql.update(
                c,
                "UPDATE subscriptions SET frequency = ?, kind = ?, for_you = ?, keywords = ?,"
                    + " categories = ?,"
                    + " authors = ?, state = 'pending', confirm_seq = confirm_seq + 1,"
                    + " confirmation_sent_at = ?, user_id = COALESCE(user_id, ?),"
                    + " disabled_reason = NULL WHERE id = ?",
                choices.frequency().key(),
                stored(choices.kind()),
                choices.kind() == Subscription.Kind.FOR_YOU ? 1 : 0,
                String.join("\n", choices.keywords()),
                String.join("\n", choices.categories()),
                String.join("\n", choices.authors()),
                now.toString(),
                userId,
                id);
          } else {
            id =
                Sql.insert(
                    c,
                    "INSERT INTO subscriptions (email, user_id, frequency, kind, for_you,"
                        + " keywords, categories, authors, state, link_key, confirm_seq,"
                        + " confirmation_sent_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 1, ?, ?)",
                    address,
                    userId,
                    choices.frequency().key(),
                    stored(choices.kind()),
                    choices.kind() == Subscription.Kind.FOR_YOU ? 1 : 0,
                    String.join("\n", choices.keywords()),
                    String.join("\n", choices.categories()),
                    String.join("\n", choices.authors()),
                    newKey(),
                    now.toString(),
                    now.toString());
          }
          Subscription s = find(c, id).orElseThrow();
          outbox.queue(c, s.id(), "confirm:" + s.confirmSeq(), composer.confirmation(s, links));
          return Outcome.CONFIRMATION_QUEUED;
        });
  }

  /** Confirms from a mailed link; false when the link is forged, stale or expired. */
  public boolean confirm(long id, long expires, String token) {
    return db.transaction(
        c -> {
          Optional<Subscription> s = find(c, id);
          if (s.isEmpty() || !links.confirmValid(s.get(), expires, token)) {
            return false;
          }
          if (s.get().state() != Subscription.State.CONFIRMED) {
            Sql.update(
                c,
                "UPDATE subscriptions SET state = 'confirmed', confirmed_at = ? WHERE id = ?",
                clock.instant().toString(),
                id);
            log.info("Subscription {} confirmed", id);
          }
          return true;
        });
  }

  /** Stops all mail to the address at once; false when the link is forged. */
  public boolean unsubscribe(long id, String token) {
    return db.transaction(
        c -> {
          Optional<Subscription> s = find(c, id);
          if (s.isEmpty() || !links.unsubscribeValid(s.get(), token)) {
            return false;
          }
          Sql.update(
              c,
              "UPDATE subscriptions SET state = 'unsubscribed', unsubscribed_at = ? WHERE id = ?",
              clock.instant().toString(),
              id);
          // anything still waiting in the outbox for this address is dropped
          Sql.update(
              c,
              "UPDATE outbox SET state = 'failed', last_error = 'unsubscribed'"
                  + " WHERE subscription_id = ? AND state = 'queued'",
              id);
          return true;
        });
  }

  /** The subscription an unsubscribe link points at, when its token is right. */
  public Optional<Subscription> forUnsubscribeLink(long id, String token) {
    return find(id).filter(s -> links.unsubscribeValid(s, token));
  }

  /** The subscription a manage link points at, when its token is right. */
  public Optional<Subscription> forManageLink(long id, String token) {
    return find(id).filter(s -> links.manageValid(s, token));
  }

  /** Changes a subscription's choices (through a manage link's token). */
  public Subscription update(long id, String token, Choices choices) {
    Subscription s =
        forManageLink(id, token)
            .orElseThrow(() -> new IllegalArgumentException("This link is not valid."));
    return db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE subscriptions SET frequency = ?, kind = ?, for_you = ?, keywords = ?,"
                  + " categories = ?,"
                  + " authors = ? WHERE id = ?",
              choices.frequency().key(),
              stored(choices.kind()),
              choices.kind() == Subscription.Kind.FOR_YOU ? 1 : 0,
              String.join("\n", choices.keywords()),
              String.join("\n", choices.categories()),
              String.join("\n", choices.authors()),
              s.id());
          return find(c, s.id()).orElseThrow();
        });
  }

  public Optional<Subscription> find(long id) {
    return db.read(c -> find(c, id));
  }

  public Optional<Subscription> findByEmail(String email) {
    return db.read(c -> findByEmail(c, email.strip().toLowerCase(Locale.ROOT)));
  }

  /** Confirmed subscriptions of one frequency, in id order. */
  public List<Subscription> confirmed(Subscription.Frequency frequency) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT * FROM subscriptions WHERE state = 'confirmed' AND frequency = ?"
                    + " ORDER BY id",
                Subscriptions::subscription,
                frequency.key()));
  }

  public SignedLinks links() {
    return links;
  }

  private static Optional<Subscription> find(Connection c, long id) throws SQLException {
    return Sql.one(c, "SELECT * FROM subscriptions WHERE id = ?", Subscriptions::subscription, id);
  }

  private static Optional<Subscription> findByEmail(Connection c, String email)
      throws SQLException {
    return Sql.one(
        c, "SELECT * FROM subscriptions WHERE email = ?", Subscriptions::subscription, email);
  }

  private synchronized void limit(String ip) {
    Instant now = clock.instant();
    Deque<Instant> seen = requestsByIp.computeIfAbsent(ip, k -> new ArrayDeque<>());
    while (!seen.isEmpty() && seen.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
      seen.removeFirst();
    }
    if (seen.size() >= REQUESTS_PER_ADDRESS_PER_HOUR) {
      throw new TooManyRequests(
          "Too many subscription requests from your network; try again in an hour.");
    }
    seen.addLast(now);
  }

  static String normalise(String email) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw new IllegalArgumentException("Enter an email address like ada@example.org.");
    }
    return e;
  }

  private String newKey() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static Subscription subscription(ResultSet rs) throws SQLException {
    long user = rs.getLong("user_id");
    Long userId = rs.wasNull() ? null : user;
    String sent = rs.getString("confirmation_sent_at");
    return new Subscription(
        rs.getLong("id"),
        rs.getString("email"),
        userId,
        Subscription.Frequency.valueOf(rs.getString("frequency").toUpperCase(Locale.ROOT)),
        rs.getInt("for_you") == 1
            ? Subscription.Kind.FOR_YOU
            : Subscription.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        lines(rs.getString("keywords")),
        lines(rs.getString("categories")),
        lines(rs.getString("authors")),
        Subscription.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        rs.getString("link_key"),
        rs.getInt("confirm_seq"),
        sent == null ? null : Instant.parse(sent),
        Instant.parse(rs.getString("created_at")),
        rs.getString("disabled_reason"));
  }

  /**
   * The kind column's value: a For-you digest is stored as trending (what it sends to a reader with
   * nothing to learn from) with {@code for_you} set, so the schema's older check still holds.
   */
  private static String stored(Subscription.Kind kind) {
    return kind == Subscription.Kind.FOR_YOU ? Subscription.Kind.TRENDING.key() : kind.key();
  }

  private static List<String> lines(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
  }
}
