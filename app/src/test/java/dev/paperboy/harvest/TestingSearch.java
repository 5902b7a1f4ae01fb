package dev.paperboy.harvest;

import dev.paperboy.TestClock;
import dev.paperboy.ingest.ArxivFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The recorded arXiv search "testing": six real pages of ten entries (start 0 to 50), then, as
 * arXiv answers past what was recorded, an empty feed (the real answer for an unknown id).
 */
final class TestingSearch {

  static final List<String> PAGES =
      List.of(
          "q_testing_s0_m10_bc5a6c384fe9.json",
          "q_testing_s10_m10_34e56e15aaac.json",
          "q_testing_s20_m10_348a237fecab.json",
          "q_testing_s30_m10_f2e39f0143dc.json",
          "q_testing_s40_m10_96dd32eb854c.json",
          "q_testing_s50_m10_7f488ab8598c.json");

  static final String EMPTY = "id_0000.0000_s0_m100_8b51d9633a68.json";

  private TestingSearch() {}

  /** arXiv on a local port, replaying the pages; past them, the empty feed. */
  static FakeArxiv server(TestClock clock) {
    try {
      return new FakeArxiv(clock)
          .replaying(PAGES.toArray(String[]::new))
          .otherwise(FakeArxiv.Answer.of(200, ArxivFixtures.body(EMPTY)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client for the local server that does not wait between requests (politeness is tested
   * elsewhere).
   */
  static ArxivApiClient client(URI endpoint, java.time.InstantSource clock) {
    return new ArxivApiClient(
        new ArxivApiClient.Settings(
            endpoint,
            ArxivApiClient.Settings.USER_AGENT,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            3,
            Duration.ZERO,
            Duration.ZERO),
        clock,
        d -> {});
  }

  /** The harvest of the "testing" search, ten per page. */
  static ArxivApiSource source(ArxivApiClient client) {
    return new ArxivApiSource(client, "testing", "search=testing", 10);
  }
}
