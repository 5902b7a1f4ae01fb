package dev.paperboy.harvest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GETs small files such as preview images, politely and within bounds: each host is paced and
 * retried on its own (as {@link PoliteFetcher} does), an answer longer than the limit is refused
 * unread, and a redirect is refused rather than followed, so the caller's check of the address is
 * the check of the host actually asked.
 */
public final class ImageClient implements AutoCloseable {

  /** The answer was longer than the limit; it was not read to its end, nor asked for again. */
  public static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final ArxivApiClient.Settings settings;
  private final long maxBytes;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Map<String, PoliteFetcher> hosts = new ConcurrentHashMap<>();

  /**
   * @param settings pacing, tries and timeouts for every host (its endpoint is not used)
   * @param maxBytes the longest answer accepted
   */
  public ImageClient(
      ArxivApiClient.Settings settings, long maxBytes, InstantSource clock, Sleeper sleeper) {
    this.settings = settings;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** One request a second per host, two tries, Paperboy's User-Agent. */
  public ImageClient(long maxBytes) {
    this(
        new ArxivApiClient.Settings(
            URI.create("https://cdn-thumbnails.huggingface.co/"),
            ArxivApiClient.Settings.USER_AGENT,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            2,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5)),
        maxBytes,
        InstantSource.system(),
        Sleeper.system());
  }

  /**
   * The body of a 2xx answer to {@code uri}.
   *
   * @param what names the request in messages
   * @throws dev.paperboy.ingest.ArxivException.Refused on a 3xx or 4xx
   * @throws TooLarge on an answer longer than the limit
   * @throws dev.paperboy.ingest.ArxivException.Unavailable when the host failed every try
   */
  public byte[] get(URI uri, String what) {
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    PoliteFetcher fetcher =
        hosts.computeIfAbsent(
            origin,
            o ->
                new PoliteFetcher(
                    uri.getHost(), settings, clock, sleeper, maxBytes, HttpClient.Redirect.NEVER));
    return fetcher.get(uri, what, body -> body);
  }

  @Override
  public void close() {
    hosts.values().forEach(PoliteFetcher::close);
  }
}
