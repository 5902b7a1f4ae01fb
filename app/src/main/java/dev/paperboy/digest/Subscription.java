package dev.paperboy.digest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One address's subscription: how often, what to send (the period's trending papers or papers on
 * the reader's topics), and where it stands in its life (waiting for confirmation, confirmed,
 * unsubscribed, or disabled after a permanent delivery failure).
 */
public record Subscription(
    long id,
    String email,
    Long userId,
    Frequency frequency,
    Kind kind,
    List<String> keywords,
    List<String> categories,
    List<String> authors,
    State state,
    String linkKey,
    int confirmSeq,
    Instant confirmationSentAt,
    Instant createdAt,
    String disabledReason) {

  /** Daily digests go out on weekdays, like arXiv's announcements; weekly ones once a week. */
  public enum Frequency {
    DAILY,
    WEEKLY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The top papers of the period by upvotes, or the papers matching the reader's topics. */
  public enum Kind {
    TRENDING,
    TOPICS,
    /** The period's papers ranked for the reader's account, as on their "For you" page. */
    FOR_YOU;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a subscription stands. */
  public enum State {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    DISABLED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Subscription {
    keywords = List.copyOf(keywords);
    categories = List.copyOf(categories);
    authors = List.copyOf(authors);
  }

  public boolean confirmed() {
    return state == State.CONFIRMED;
  }

  /** Why the reader gets this mail, in their words ("the daily digest of trending papers"). */
  public String reason() {
    String what =
        switch (kind) {
          case TRENDING -> "trending papers";
          case TOPICS -> "papers on your topics (" + String.join(", ", topicList()) + ")";
          case FOR_YOU -> "papers for you";
        };
    return "the " + frequency.key() + " digest of " + what;
  }

  /** Keywords, categories and authors followed, as one list for display. */
  public List<String> topicList() {
    return java.util.stream.Stream.of(keywords, categories, authors).flatMap(List::stream).toList();
  }
}
