package dev.paperboy.harvest;

import java.time.LocalDate;

/**
 * Hugging Face's Daily Papers of one day, with their upvotes, comments, organisations and AI
 * summaries; a refresh on a later day brings the counts up to date (they only grow).
 */
public final class HfSource implements HarvestSource {

  private final HfDailyPapersClient client;
  private final LocalDate date;
  private final String refresh;

  /**
   * @param refresh distinguishes refreshes of the same day (the day they ran), or null for a
   *     one-off harvest
   */
  public HfSource(HfDailyPapersClient client, LocalDate date, String refresh) {
    this.client = client;
    this.date = date;
    this.refresh = refresh;
  }

  @Override
  public String name() {
    return "hf";
  }

  @Override
  public String query() {
    return "date=" + date + (refresh == null ? "" : " refreshed=" + refresh);
  }

  @Override
  public Page fetch(String cursor) {
    int page = cursor == null ? 0 : Integer.parseInt(cursor);
    HfDailyPapersClient.Page p = client.day(date, page);
    return new Page(p.papers(), p.rejected(), p.last() ? null : Integer.toString(page + 1), null);
  }
}
