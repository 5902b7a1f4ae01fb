package dev.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code max} events per key within a sliding {@code window}, in memory: each node counts
 * its own (see {@link SharedLimiter} for limits counted across nodes). Keys name who is limited:
 * {@code "ip:1.2.3.4"}, {@code "user:42"}.
 */
final class RateLimiter {

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new HashMap<>();
  private int recordsSinceSweep;

  RateLimiter(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** Refuses with {@code message} (and when to retry) if the key has used up its events. */
  synchronized void check(String key, String message) {
    Deque<Instant> seen = recent(key);
    if (seen != null && seen.size() >= max) {
      throw refused(message, Duration.between(clock.instant(), seen.peekFirst().plus(window)));
    }
  }

  /** The refusal of a limit used up until {@code wait} from now. */
  static Refusal refused(String message, Duration wait) {
    return new Refusal(
        Refusal.Kind.RATE_LIMITED,
        message + " Try again in " + describe(wait) + ".",
        wait.isNegative() ? Duration.ZERO : wait);
  }

  synchronized void record(String key) {
    events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.instant());
    if (++recordsSinceSweep >= 10_000) {
      sweep();
    }
  }

  /** Checks, then counts this event. */
  synchronized void acquire(String key, String message) {
    check(key, message);
    record(key);
  }

  synchronized void reset(String key) {
    events.remove(key);
  }

  private Deque<Instant> recent(String key) {
    Deque<Instant> seen = events.get(key);
    if (seen == null) {
      return null;
    }
    Instant oldest = clock.instant().minus(window);
    while (!seen.isEmpty() && !seen.peekFirst().isAfter(oldest)) {
      seen.removeFirst();
    }
    return seen;
  }

  /** Forgets keys with no recent events, so memory stays bounded by the active keys. */
  private void sweep() {
    recordsSinceSweep = 0;
    for (Iterator<String> keys = events.keySet().iterator(); keys.hasNext(); ) {
      Deque<Instant> seen = recent(keys.next());
      if (seen == null || seen.isEmpty()) {
        keys.remove();
      }
    }
  }

  static String describe(Duration d) {
    long minutes = (d.toSeconds() + 59) / 60;
    if (minutes <= 1) {
      return "a minute";
    }
    return minutes < 120 ? minutes + " minutes" : ((minutes + 59) / 60) + " hours";
  }
}
