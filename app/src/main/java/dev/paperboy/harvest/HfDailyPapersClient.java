package dev.paperboy.harvest;

import dev.paperboy.ingest.BadInput;
import dev.paperboy.ingest.BadRecord;
import dev.paperboy.ingest.HfDailyPapersParser;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.ingest.Json;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.StrictUtf8Reader;
import dev.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code GET /api/daily_papers?date=} (the same shape the importer reads from
 * files), a page at a time, politely: one request at a time, a pause between requests, retries with
 * backoff, the same User-Agent as for arXiv.
 */
public final class HfDailyPapersClient implements AutoCloseable {

  public static final URI ENDPOINT = URI.create("https://huggingface.co/api/daily_papers");

  /** Papers per page; a day with more than this is paged with {@code p}. */
  public static final int PAGE_SIZE = 100;

  /** One page of a day: its papers, items that could not be used, and whether more may follow. */
  public record Page(List<Paper> papers, List<String> rejected, boolean last) {}

  private final URI endpoint;
  private final int pageSize;
  private final PoliteFetcher fetcher;
  private final HfDailyPapersParser parser =
      new HfDailyPapersParser(Json.mapper(ImportLimits.DEFAULTS), ImportLimits.DEFAULTS);

  /**
   * The arXiv API's politeness (one request every 3 seconds, the same tries) for {@code endpoint}.
   */
  public static ArxivApiClient.Settings defaults(URI endpoint) {
    return ArxivApiClient.Settings.defaults().withEndpoint(endpoint);
  }

  /**
   * @param pageSize papers asked for per request ({@code limit}); {@link #PAGE_SIZE} normally
   */
  public HfDailyPapersClient(
      ArxivApiClient.Settings settings, int pageSize, InstantSource clock, Sleeper sleeper) {
    if (pageSize < 1 || pageSize > PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + PAGE_SIZE + ": " + pageSize);
    }
    this.endpoint = settings.endpoint();
    this.pageSize = pageSize;
    this.fetcher = new PoliteFetcher("Hugging Face", settings, clock, sleeper);
  }

  public HfDailyPapersClient(URI endpoint) {
    this(defaults(endpoint), PAGE_SIZE, InstantSource.system(), Sleeper.system());
  }

  /** Page {@code page} (from 0) of the papers Hugging Face lists for {@code date}. */
  public Page day(LocalDate date, int page) {
    URI uri =
        URI.create(
            endpoint
                + (endpoint.getRawQuery() == null ? "?" : "&")
                + "date="
                + date
                + "&limit="
                + pageSize
                + "&p="
                + page);
    String name = "daily_papers?date=" + date + "&p=" + page;
    return fetcher.get(uri, "the papers of " + date, body -> parse(body, name, date));
  }

  private Page parse(byte[] body, String name, LocalDate date) throws BadRecord {
    List<Paper> papers = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    try {
      parser.parse(
          new StrictUtf8Reader(new ByteArrayInputStream(body)),
          name,
          date,
          new RecordSink() {
            @Override
            public void accept(Paper paper, String location) {
              papers.add(paper);
            }

            @Override
            public void reject(String reason, String location) {
              rejected.add(reason + " at " + location);
            }
          });
    } catch (BadInput e) {
      throw new BadRecord("Hugging Face's answer is not UTF-8: " + e.getMessage());
    } catch (IOException e) {
      throw new BadRecord("Hugging Face's answer is not complete JSON: " + e.getMessage());
    }
    return new Page(papers, rejected, papers.size() + rejected.size() < pageSize);
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
