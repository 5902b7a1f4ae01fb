package dev.paperboy.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Failures per key slow down the next attempt: the first {@code free} failures cost nothing, then
 * each one doubles the wait before another attempt, from {@code base} up to {@code max}. A key that
 * stays quiet for {@code forget} starts afresh. In memory, like {@link RateLimiter}.
 */
final class Backoff {

  private record Failures(int count, Instant last) {}

  private final int free;
  private final Duration base;
  private final Duration max;
  private final Duration forget;
  private final Clock clock;
  private final Map<String, Failures> failures = new HashMap<>();
  private int failuresSinceSweep;

  Backoff(int free, Duration base, Duration max, Duration forget, Clock clock) {
    this.free = free;
    this.base = base;
    this.max = max;
    this.forget = forget;
    this.clock = clock;
  }

  /** Refuses with {@code message} (and when to retry) while the key has to wait. */
  synchronized void check(String key, String message) {
    Failures f = current(key);
    if (f == null || f.count() < free) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), f.last().plus(delay(f.count())));
    if (wait.isPositive()) {
      throw new Refusal(
          Refusal.Kind.RATE_LIMITED,
          message + " Try again in " + RateLimiter.describe(wait) + ".",
          wait);
    }
  }

  synchronized void failed(String key) {
    Failures f = current(key);
    failures.put(key, new Failures(f == null ? 1 : f.count() + 1, clock.instant()));
    if (++failuresSinceSweep >= 10_000) {
      failuresSinceSweep = 0;
      failures.keySet().removeIf(k -> current(k) == null);
    }
  }

  synchronized void reset(String key) {
    failures.remove(key);
  }

  /** Forgets every key the predicate matches (all addresses' failures on one account, say). */
  synchronized void resetAll(Predicate<String> keys) {
    for (Iterator<String> it = failures.keySet().iterator(); it.hasNext(); ) {
      if (keys.test(it.next())) {
        it.remove();
      }
    }
  }

  /** The wait after the n-th failure: base, 2 base, 4 base ... up to max. */
  Duration delay(int count) {
    int doublings = Math.min(30, Math.max(0, count - free));
    Duration d = base.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 ? max : d;
  }

  private Failures current(String key) {
    Failures f = failures.get(key);
    return f == null || f.last().plus(forget).isBefore(clock.instant()) ? null : f;
  }
}
