package dev.paperboy.thumbnail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.harvest.ArxivApiClient;
import dev.paperboy.harvest.ImageClient;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperStoreTest;
import dev.paperboy.paper.PaperThumbnails;
import dev.paperboy.storage.Database;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a local image host: what it stores, what it refuses, what it evicts. */
class ThumbnailJobTest {

  static final int SIZE = 1000;
  static final LocalDate DAY = LocalDate.of(2026, 8, 21);

  @TempDir Path dir;
  Database db;
  PaperStore papers;
  ImageServer host;
  ImageClient client;
  TestClock clock = TestClock.at("2026-08-21T10:00:00Z");

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    papers = new PaperStore(db);
    host = new ImageServer();
    client =
        new ImageClient(
            new ArxivApiClient.Settings(
                URI.create(host.origin()),
                ArxivApiClient.Settings.USER_AGENT,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1,
                Duration.ZERO,
                Duration.ZERO),
            SIZE,
            clock,
            d -> {});
  }

  @AfterEach
  void close() {
    client.close();
    host.close();
    db.close();
  }

  /** A paper of {@code day} whose thumbnail is at {@code url}. */
  static Paper paper(String id, LocalDate day, String url) {
    return PaperStoreTest.listing(id, day).withThumbnail(url);
  }

  /** The settings of a node fetching from the local host only, with a cache of {@code cap}. */
  ThumbnailSettings settings(long cap) {
    return new ThumbnailSettings(true, List.of(host.origin()), SIZE, cap, 50, Duration.ofDays(7));
  }

  ThumbnailCache cache(long cap) {
    return new ThumbnailCache(dir.resolve("thumbnails"), cap, clock);
  }

  ThumbnailJob job(ThumbnailCache cache) {
    return new ThumbnailJob(new PaperThumbnails(db), cache, client, settings(cache.cap()), clock);
  }

  @Test
  void aPngIsFetchedOnceAndKeptAsAFileOfTheDataDirectory() throws Exception {
    byte[] png = ImageServer.png(16, Color.ORANGE, 400);
    host.serve("/papers/2608.00001.png", png);
    papers.upsert(List.of(paper("2608.00001", DAY, host.url("/papers/2608.00001.png"))));
    ThumbnailCache cache = cache(10 * SIZE);
    ThumbnailJob job = job(cache);

    job.walk();
    job.walk();

    ThumbnailCache.Entry e = cache.find("2608.00001").orElseThrow();
    assertEquals(ImageType.PNG, e.type());
    assertArrayEquals(png, Files.readAllBytes(e.file()));
    assertEquals(dir.resolve("thumbnails"), e.file().getParent());
    assertEquals(List.of("/papers/2608.00001.png"), host.requests(), "fetched once");
    assertEquals(1, job.counts().fetched());
    ThumbnailCache reopened = cache(10 * SIZE);
    assertEquals(e.tag(), reopened.find("2608.00001").orElseThrow().tag(), "kept over a restart");
  }

  @Test
  void whatIsNotAnImageIsRefusedWhateverItsContentTypeSaysAndNotAskedForAgainForAWhile() {
    host.serve(
        "/fake.png",
        new ImageServer.Answer(200, "image/png", "<html>hello</html>".getBytes(), false));
    papers.upsert(List.of(paper("2608.00001", DAY, host.url("/fake.png"))));
    ThumbnailCache cache = cache(10 * SIZE);
    ThumbnailJob job = job(cache);

    job.walk();
    job.walk();
    assertTrue(cache.find("2608.00001").isEmpty());
    assertEquals(Map.of(ThumbnailJob.Refusal.NOT_AN_IMAGE, 1L), job.counts().refused());
    assertEquals(1, host.requests().size(), "not asked again within the week");

    clock.advance(Duration.ofDays(8));
    job.walk();
    assertEquals(2, host.requests().size(), "asked again after it");
  }

  @Test
  void anAnswerPastTheLimitIsRefusedWithOrWithoutAContentLength() {
    byte[] big = ImageServer.png(16, Color.RED, SIZE + 1);
    host.serve("/declared.png", new ImageServer.Answer(200, "image/png", big, false));
    host.serve("/chunked.png", new ImageServer.Answer(200, "image/png", big, true));
    papers.upsert(
        List.of(
            paper("2608.00001", DAY, host.url("/declared.png")),
            paper("2608.00002", DAY, host.url("/chunked.png"))));
    ThumbnailCache cache = cache(10 * SIZE);
    ThumbnailJob job = job(cache);

    job.walk();

    assertEquals(0, cache.count());
    assertEquals(Map.of(ThumbnailJob.Refusal.TOO_LARGE, 2L), job.counts().refused());
  }

  @Test
  void aNotFoundAndAnotherHostAreRefusedAndTheOtherHostIsNeverAsked() {
    papers.upsert(
        List.of(
            paper("2608.00001", DAY, host.url("/missing.png")),
            paper("2608.00002", DAY, "http://localhost:" + host.port() + "/elsewhere.png"),
            paper("2608.00003", DAY, "file:///etc/passwd")));
    ThumbnailCache cache = cache(10 * SIZE);
    ThumbnailJob job = job(cache);

    job.walk();

    assertEquals(0, cache.count());
    assertEquals(
        Map.of(ThumbnailJob.Refusal.REFUSED, 1L, ThumbnailJob.Refusal.HOST_NOT_ALLOWED, 2L),
        job.counts().refused());
    assertEquals(List.of("/missing.png"), host.requests());
  }

  @Test
  void theConfiguredHostsAreReachedOverHttpsOnly() {
    ThumbnailSettings s = ThumbnailSettings.defaults(true);
    assertTrue(
        s.allows(URI.create("https://cdn-thumbnails.huggingface.co/social-thumbnails/x.png")));
    assertFalse(
        s.allows(URI.create("http://cdn-thumbnails.huggingface.co/social-thumbnails/x.png")));
    assertFalse(s.allows(URI.create("https://cdn-thumbnails.huggingface.co.evil.example/x.png")));
    assertFalse(s.allows(URI.create("https://user@huggingface.co/x.png")));
  }

  @Test
  void theNewestPapersFillTheCapAndANewDayEvictsTheOldestOfThem() throws Exception {
    for (int i = 1; i <= 5; i++) {
      host.serve("/" + i + ".png", ImageServer.png(8 + i, Color.BLUE, SIZE));
    }
    papers.upsert(
        List.of(
            paper("2608.00001", DAY.minusDays(3), host.url("/1.png")),
            paper("2608.00002", DAY.minusDays(2), host.url("/2.png")),
            paper("2608.00003", DAY.minusDays(1), host.url("/3.png")),
            paper("2608.00004", DAY, host.url("/4.png"))));
    ThumbnailCache cache = cache(3 * SIZE);
    ThumbnailJob job = job(cache);

    job.walk();
    assertEquals(Set.of("/4.png", "/3.png", "/2.png"), Set.copyOf(host.requests()));
    assertEquals(3 * SIZE, cache.size());
    assertTrue(cache.find("2608.00001").isEmpty(), "older than what the cap holds");

    papers.upsert(List.of(paper("2608.00005", DAY.plusDays(1), host.url("/5.png"))));
    job.walk();
    assertEquals(3 * SIZE, cache.size(), "never past the cap");
    assertTrue(cache.find("2608.00005").isPresent());
    assertTrue(cache.find("2608.00002").isEmpty(), "the oldest day's image went");
    assertTrue(cache.find("2608.00004").isPresent());
    assertTrue(cache.find("2608.00003").isPresent());
    assertEquals(4, host.requests().size(), "nothing fetched twice");
    try (var files = Files.list(dir.resolve("thumbnails"))) {
      assertEquals(3, files.count(), "the evicted file is gone from the disk");
    }
  }
}
