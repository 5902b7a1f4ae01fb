package dev.paperboy.harvest;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * Live ingestion: whether the server harvests on its own, which arXiv categories, at what hour in
 * which zone (arXiv announces at 20:00 US Eastern, Sunday to Thursday), and the endpoints.
 */
public record HarvestSettings(
    boolean enabled, List<String> categories, int hour, ZoneId zone, URI oaiUrl, URI hfUrl) {

  public static final URI OAI = URI.create("https://oaipmh.arxiv.org/oai");
  public static final URI HF = URI.create("https://huggingface.co/api/daily_papers");
  public static final List<String> CATEGORIES = List.of("cs.AI", "cs.CL", "cs.CV", "cs.LG");

  public HarvestSettings {
    categories = List.copyOf(categories);
    if (enabled && categories.isEmpty()) {
      throw new IllegalArgumentException("PAPERBOY_INGEST_CATEGORIES names no category");
    }
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("PAPERBOY_INGEST_HOUR must be 0..23, got " + hour);
    }
  }

  /** On, for the main machine-learning categories, an hour after arXiv's announcement. */
  public static HarvestSettings defaults() {
    return new HarvestSettings(true, CATEGORIES, 21, ArxivSchedule.EASTERN, OAI, HF);
  }

  public HarvestSettings disabled() {
    return new HarvestSettings(false, categories, hour, zone, oaiUrl, hfUrl);
  }
}
