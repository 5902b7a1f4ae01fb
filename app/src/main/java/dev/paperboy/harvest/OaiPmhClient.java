package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivException;
import dev.paperboy.ingest.OaiPmhMetadata;
import dev.paperboy.ingest.OaiPmhPage;
import dev.paperboy.ingest.OaiPmhParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * arXiv's OAI-PMH interface ({@code oaipmh.arxiv.org/oai}): the records changed in a date window,
 * one page at a time, asked for as politely as the API (see {@link PoliteFetcher}). A harvest asks
 * for {@link #listRecords} and then {@link #resume}s with each page's token until a page is {@link
 * OaiPmhPage#complete()}; when arXiv rejects a token ({@link ArxivException.BadResumptionToken}) it
 * starts the window again.
 */
public final class OaiPmhClient implements AutoCloseable {

  public static final URI ENDPOINT = URI.create("https://oaipmh.arxiv.org/oai");

  private static final Logger log = LoggerFactory.getLogger(OaiPmhClient.class);

  /** A set such as {@code cs}, {@code cs:cs:LG} or {@code physics:astro-ph:EP}. */
  private static final Pattern SET = Pattern.compile("[a-z][a-z-]*(:[a-z][a-z-]*(:[A-Za-z-]+)?)?");

  /** The metadata formats Paperboy reads. */
  public enum MetadataFormat {
    /** Structured authors, the first and latest submission days, no version numbers. */
    ARXIV(OaiPmhMetadata.ARXIV),
    /** The authors line and every version with its date and size. */
    ARXIV_RAW(OaiPmhMetadata.ARXIV_RAW);

    private final String prefix;

    MetadataFormat(String prefix) {
      this.prefix = prefix;
    }

    /** The {@code metadataPrefix} arXiv knows it by. */
    public String prefix() {
      return prefix;
    }
  }

  /**
   * The API's politeness at {@link #ENDPOINT}, with a longer read timeout: a page holds thousands
   * of records.
   */
  public static ArxivApiClient.Settings defaults() {
    ArxivApiClient.Settings api = ArxivApiClient.Settings.defaults();
    return new ArxivApiClient.Settings(
        ENDPOINT,
        api.userAgent(),
        api.connectTimeout(),
        Duration.ofSeconds(120),
        api.tries(),
        api.spacing(),
        api.backoff());
  }

  private final URI endpoint;
  private final PoliteFetcher fetcher;
  private final OaiPmhParser parser = new OaiPmhParser();

  public OaiPmhClient(ArxivApiClient.Settings settings, InstantSource clock, Sleeper sleeper) {
    this.endpoint = settings.endpoint();
    this.fetcher = new PoliteFetcher("arXiv", settings, clock, sleeper);
  }

  public OaiPmhClient(ArxivApiClient.Settings settings) {
    this(settings, InstantSource.system(), Sleeper.system());
  }

  /**
   * The first page of the records in {@code set} that arXiv changed from {@code from} to {@code
   * until}, both days included. {@code set}, {@code from} and {@code until} may be null: all sets,
   * no bound.
   *
   * @throws ArxivException.Unavailable when no try gave a usable answer
   * @throws ArxivException.OaiPmhError when arXiv refuses the request (noRecordsMatch is an empty,
   *     complete page instead)
   */
  public OaiPmhPage listRecords(
      MetadataFormat format, String set, LocalDate from, LocalDate until) {
    if (set != null && !SET.matcher(set).matches()) {
      throw new IllegalArgumentException("not an arXiv set: " + set);
    }
    if (from != null && until != null && from.isAfter(until)) {
      throw new IllegalArgumentException("from " + from + " is after until " + until);
    }
    List<String> params = new ArrayList<>(List.of("metadataPrefix", format.prefix()));
    if (set != null) {
      params.addAll(List.of("set", set));
    }
    if (from != null) {
      params.addAll(List.of("from", from.toString()));
    }
    if (until != null) {
      params.addAll(List.of("until", until.toString()));
    }
    String what =
        format.prefix()
            + " records"
            + (set == null ? "" : " in " + set)
            + (from == null ? "" : " from " + from)
            + (until == null ? "" : " until " + until);
    return fetch(params, what);
  }

  /**
   * The page a resumption token points to.
   *
   * @throws ArxivException.BadResumptionToken when arXiv does not accept the token: start again
   *     with {@link #listRecords}
   * @throws ArxivException.Unavailable when no try gave a usable answer
   * @throws ArxivException.OaiPmhError when arXiv refuses the request
   */
  public OaiPmhPage resume(String resumptionToken) {
    if (resumptionToken == null || resumptionToken.isBlank()) {
      throw new IllegalArgumentException("no resumption token: the list is complete");
    }
    return fetch(
        List.of("resumptionToken", resumptionToken), "the resumption token " + resumptionToken);
  }

  private OaiPmhPage fetch(List<String> params, String what) {
    StringBuilder s = new StringBuilder(endpoint.toString());
    s.append(endpoint.getRawQuery() == null ? '?' : '&').append("verb=ListRecords");
    for (int i = 0; i < params.size(); i += 2) {
      s.append('&')
          .append(params.get(i))
          .append('=')
          .append(URLEncoder.encode(params.get(i + 1), StandardCharsets.UTF_8));
    }
    OaiPmhPage page =
        fetcher.get(
            URI.create(s.toString()), what, body -> parser.parse(new ByteArrayInputStream(body)));
    for (OaiPmhPage.RejectedRecord r : page.rejected()) {
      log.warn(
          "arXiv OAI-PMH record skipped, {}: {} in the answer for {}",
          r.reason(),
          r.location(),
          what);
    }
    return page;
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
