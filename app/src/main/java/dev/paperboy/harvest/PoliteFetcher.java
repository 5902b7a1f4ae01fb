package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.BadRecord;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * GETs from one host the way arXiv's API terms ask: one request at a time, a pause between
 * requests, a descriptive User-Agent, and a bounded number of tries with growing waits when the
 * host fails (5xx, 408, 429, a connection error, no answer in time, or an empty or unusable body).
 * A 503's or 429's Retry-After is honoured, in seconds or as a date. A fetcher made with a body
 * limit refuses a longer answer without reading it all or trying again.
 */
final class PoliteFetcher implements AutoCloseable {

  /** Turns an answer's body into a result; a BadRecord means the body was unusable. */
  interface BodyReader<T> {
    T read(byte[] body) throws BadRecord;
  }

  /** A Retry-After longer than this ends the tries: the caller hears now, not in an hour. */
  static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

  private final String host;
  private final ArxivApiClient.Settings settings;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final long maxBody;
  private final HttpClient.Redirect redirects;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);
  private Instant lastAnswer; // guarded by oneAtATime
  // made at the first request (each client starts a thread and its TLS context costs ~10 ms of
  // start-up); guarded by oneAtATime, volatile for close()
  private volatile HttpClient http;

  /**
   * @param host names the host in messages: "arXiv", "Hugging Face"
   */
  PoliteFetcher(
      String host, ArxivApiClient.Settings settings, InstantSource clock, Sleeper sleeper) {
    this(host, settings, clock, sleeper, Long.MAX_VALUE, HttpClient.Redirect.NORMAL);
  }

  /**
   * @param maxBody the longest answer read, in bytes; a longer one is refused
   * @param redirects whether to follow redirects; one not followed is refused as its status
   */
  PoliteFetcher(
      String host,
      ArxivApiClient.Settings settings,
      InstantSource clock,
      Sleeper sleeper,
      long maxBody,
      HttpClient.Redirect redirects) {
    this.host = host;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxBody = maxBody;
    this.redirects = redirects;
  }

  private HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(settings.connectTimeout())
              .followRedirects(redirects)
              .version(HttpClient.Version.HTTP_1_1)
              .build();
    }
    return http;
  }

  /**
   * Fetches and reads {@code uri}, waiting for its turn and retrying as the class says.
   *
   * @param what names the request in messages, e.g. "2608.01234"
   * @throws ArxivException.Unavailable when no try gave a usable answer
   * @throws ArxivException.Refused on a 4xx or an error the reader finds in the body
   */
  <T> T get(URI uri, String what, BodyReader<T> reader) {
    oneAtATime.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        waitFor(settings.spacing().minus(sinceLastAnswer()), uri, what);
        Attempt<T> a;
        try {
          a = once(uri, what, reader);
        } finally {
          lastAnswer = clock.instant();
        }
        if (a.failure == null) {
          return a.value;
        }
        Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (a.retryAfter != null && a.retryAfter.compareTo(wait) > 0) {
          wait = a.retryAfter;
        }
        boolean tooLong = wait.compareTo(LONGEST_WAIT) > 0;
        if (attempt >= settings.tries() || tooLong) {
          String why = a.failure + (tooLong ? "; it asked to wait " + seconds(wait) : "");
          String tries = attempt == 1 ? "1 try" : attempt + " tries";
          throw new ArxivException.Unavailable(
              String.format(
                  Locale.ROOT, "%s did not answer for %s after %s (%s)", host, what, tries, why),
              uri,
              a.cause);
        }
        waitFor(wait, uri, what);
      }
    } finally {
      oneAtATime.unlock();
    }
  }

  private record Attempt<T>(T value, String failure, Duration retryAfter, Throwable cause) {
    static <T> Attempt<T> failed(String failure, Duration retryAfter, Throwable cause) {
      return new Attempt<>(null, failure, retryAfter, cause);
    }
  }

  private <T> Attempt<T> once(URI uri, String what, BodyReader<T> reader) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.readTimeout())
            .header("User-Agent", settings.userAgent())
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        http()
            .sendAsync(
                request,
                maxBody == Long.MAX_VALUE
                    ? HttpResponse.BodyHandlers.ofByteArray()
                    : LimitedBody.handler(maxBody));
    HttpResponse<byte[]> response;
    try {
      // the request timeout stops at the headers; this bounds the body too, which can stall
      response = answer.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return Attempt.failed("no answer within " + seconds(settings.readTimeout()), null, e);
    } catch (ExecutionException e) {
      if (LimitedBody.tooLong(e.getCause())) {
        throw new ImageClient.TooLarge(
            host + " answered with more than " + maxBody + " bytes for " + what);
      }
      return Attempt.failed(connectionFailure(e.getCause()), null, e.getCause());
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new ArxivException.Unavailable("interrupted asking " + host + " for " + what, uri, e);
    }
    int status = response.statusCode();
    byte[] body = response.body();
    if (status >= 500 || status == 408 || status == 429) {
      return Attempt.failed("HTTP " + status, retryAfter(response), null);
    }
    if (status >= 200 && status < 300) {
      if (body.length == 0) {
        return Attempt.failed("an empty answer", null, null);
      }
      try {
        return new Attempt<>(reader.read(body), null, null, null);
      } catch (BadRecord e) {
        return Attempt.failed("an unusable answer: " + e.getMessage(), null, e);
      }
    }
    try {
      reader.read(body); // arXiv explains a 400 in an error feed, which the reader throws
    } catch (BadRecord e) {
      // no explanation: the status has to do
    }
    throw new ArxivException.Refused("HTTP " + status + " for " + what);
  }

  private String connectionFailure(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "could not connect within " + seconds(settings.connectTimeout());
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + seconds(settings.readTimeout());
    }
    if (cause instanceof ConnectException) {
      return "could not connect";
    }
    if (cause instanceof IOException) {
      return "the connection failed"
          + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
    throw new IllegalStateException("unexpected failure of the HTTP client", cause);
  }

  private Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").strip();
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null; // absent or unreadable: the usual backoff applies
    }
  }

  private Duration sinceLastAnswer() {
    return lastAnswer == null ? settings.spacing() : Duration.between(lastAnswer, clock.instant());
  }

  private void waitFor(Duration wait, URI uri, String what) {
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArxivException.Unavailable(
          "interrupted waiting to ask " + host + " for " + what, uri, e);
    }
  }

  private static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s))
        + " s";
  }

  @Override
  public void close() {
    HttpClient made = http;
    if (made != null) {
      made.shutdownNow();
    }
  }
}
