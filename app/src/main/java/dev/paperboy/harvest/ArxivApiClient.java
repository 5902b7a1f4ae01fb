package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivAtomFeed;
import dev.paperboy.ingest.ArxivAtomParser;
import dev.paperboy.ingest.ArxivException;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arXiv API ({@code export.arxiv.org/api/query}): papers by id and paged searches, asked
 * politely (see {@link PoliteFetcher}). One client serves the whole app, so that its pause between
 * requests holds across callers.
 */
public final class ArxivApiClient implements ArxivLookup, AutoCloseable {

  /** arXiv answers at most this many ids per request. */
  static final int IDS_PER_REQUEST = 100;

  /** arXiv's largest page. */
  static final int LARGEST_PAGE = 2000;

  private static final Logger log = LoggerFactory.getLogger(ArxivApiClient.class);

  /**
   * How to reach arXiv.
   *
   * @param readTimeout how long one answer may take, from sending the request to its last byte
   * @param tries how many times one request is made before giving up
   * @param spacing the least time between the end of one request and the start of the next
   * @param backoff the wait after the first failed try; it doubles after each further one
   */
  public record Settings(
      URI endpoint,
      String userAgent,
      Duration connectTimeout,
      Duration readTimeout,
      int tries,
      Duration spacing,
      Duration backoff) {

    public static final URI ENDPOINT = URI.create("https://export.arxiv.org/api/query");
    public static final String USER_AGENT =
        "Paperboy/0.1 (self-hosted paper feed; https://github.com/paperboy)";

    public Settings {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(userAgent, "userAgent");
      if (tries < 1) {
        throw new IllegalArgumentException("tries must be at least 1: " + tries);
      }
      for (Duration d : List.of(connectTimeout, readTimeout, spacing, backoff)) {
        if (d.isNegative()) {
          throw new IllegalArgumentException("negative duration: " + d);
        }
      }
    }

    /** arXiv's terms: at most one request every 3 seconds. */
    public static Settings defaults() {
      return new Settings(
          ENDPOINT,
          USER_AGENT,
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          3,
          Duration.ofSeconds(3),
          Duration.ofSeconds(5));
    }

    public Settings withEndpoint(URI newEndpoint) {
      return new Settings(
          newEndpoint, userAgent, connectTimeout, readTimeout, tries, spacing, backoff);
    }
  }

  private final URI endpoint;
  private final PoliteFetcher fetcher;
  private final ArxivAtomParser parser = new ArxivAtomParser();

  public ArxivApiClient(Settings settings, InstantSource clock, Sleeper sleeper) {
    this.endpoint = settings.endpoint();
    this.fetcher = new PoliteFetcher("arXiv", settings, clock, sleeper);
  }

  public ArxivApiClient(Settings settings) {
    this(settings, InstantSource.system(), Sleeper.system());
  }

  /**
   * The papers arXiv has for these ids, in arXiv's order, asking for {@value #IDS_PER_REQUEST} at a
   * time. Ids arXiv does not know are simply absent.
   *
   * @throws ArxivException.Unavailable when a batch could not be fetched
   * @throws ArxivException.Refused when arXiv refuses a batch (one malformed id refuses it all)
   */
  public List<Paper> lookup(List<ArxivId> ids) {
    List<String> wanted = ids.stream().map(ArxivId::versioned).distinct().toList();
    List<Paper> found = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += IDS_PER_REQUEST) {
      List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + IDS_PER_REQUEST));
      URI uri =
          uri("id_list", String.join(",", batch), "max_results", String.valueOf(batch.size()));
      found.addAll(fetch(uri, named(batch)).papers());
    }
    return found;
  }

  /**
   * One page of an arXiv search ({@code search_query} syntax, e.g. {@code ti:transformer AND
   * cat:cs.CL}), with arXiv's total so that callers can page on with {@code start}.
   */
  public ArxivAtomFeed search(String searchQuery, int start, int maxResults) {
    return search(searchQuery, start, maxResults, null);
  }

  /**
   * One page of a search in submission order, oldest first: the stable order a harvest pages
   * through (relevance order may shift between pages).
   */
  public ArxivAtomFeed searchBySubmission(String searchQuery, int start, int maxResults) {
    return search(searchQuery, start, maxResults, "submittedDate");
  }

  private ArxivAtomFeed search(String searchQuery, int start, int maxResults, String sortBy) {
    if (searchQuery == null || searchQuery.isBlank()) {
      throw new IllegalArgumentException("empty search query");
    }
    if (start < 0 || maxResults < 1 || maxResults > LARGEST_PAGE) {
      throw new IllegalArgumentException(
          "start must be >= 0 and maxResults 1.."
              + LARGEST_PAGE
              + ": "
              + start
              + ", "
              + maxResults);
    }
    URI uri =
        sortBy == null
            ? uri(
                "search_query", searchQuery,
                "start", String.valueOf(start),
                "max_results", String.valueOf(maxResults))
            : uri(
                "search_query",
                searchQuery,
                "start",
                String.valueOf(start),
                "max_results",
                String.valueOf(maxResults),
                "sortBy",
                sortBy,
                "sortOrder",
                "ascending");
    return fetch(uri, "the search \"" + searchQuery + "\" from " + start);
  }

  @Override
  public Optional<Paper> find(ArxivId id) {
    return lookup(List.of(id)).stream().filter(p -> p.id().equals(id.id())).findFirst();
  }

  private ArxivAtomFeed fetch(URI uri, String what) {
    ArxivAtomFeed feed =
        fetcher.get(uri, what, body -> parser.parse(new ByteArrayInputStream(body)));
    for (ArxivAtomFeed.RejectedEntry r : feed.rejected()) {
      log.warn(
          "arXiv API entry skipped, {}: {} in the answer for {}", r.reason(), r.location(), what);
    }
    return feed;
  }

  private URI uri(String... namesAndValues) {
    StringBuilder s = new StringBuilder(endpoint.toString());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      s.append(i == 0 && endpoint.getRawQuery() == null ? '?' : '&')
          .append(namesAndValues[i])
          .append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return URI.create(s.toString());
  }

  private static String named(List<String> ids) {
    return ids.size() <= 3
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
