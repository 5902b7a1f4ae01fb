package dev.paperboy.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestClock;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {

  @TempDir Path dir;
  TestClock clock = TestClock.at("2026-08-21T10:00:00Z");

  @Test
  void pastTheCapTheLeastRecentlyViewedImageGoesAndTheOrderSurvivesARestart() {
    byte[] png = ImageServer.png(8, Color.GREEN, 1000);
    ThumbnailCache cache = new ThumbnailCache(dir, 2500, clock);
    cache.put("2608.00001", ImageType.PNG, png);
    clock.advance(Duration.ofHours(2));
    cache.put("2608.00002", ImageType.PNG, png);
    clock.advance(Duration.ofHours(2));
    assertTrue(cache.read(cache.find("2608.00001").orElseThrow()).isPresent(), "a view");

    ThumbnailCache reopened = new ThumbnailCache(dir, 2500, clock);
    reopened.put("hep-th/9901001", ImageType.PNG, png);

    assertTrue(reopened.find("2608.00001").isPresent(), "viewed after 00002 was stored");
    assertFalse(reopened.find("2608.00002").isPresent());
    assertEquals("hep-th/9901001", reopened.find("hep-th/9901001").orElseThrow().id());
    assertEquals(2000, reopened.size());
  }

  @Test
  void aHalfWrittenFileIsForgottenAndAnImageLargerThanTheCapIsNotStored() throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("incoming123.tmp"), new byte[10]);
    ThumbnailCache cache = new ThumbnailCache(dir, 1200, clock);
    assertFalse(Files.exists(dir.resolve("incoming123.tmp")));
    assertFalse(cache.put("2608.00001", ImageType.PNG, ImageServer.png(8, Color.RED, 1300)));
    assertEquals(0, cache.count());
  }

  @Test
  void imagesAreToldByTheirFirstBytes() {
    assertEquals(ImageType.PNG, ImageType.of(ImageServer.png(8, Color.RED, 200)).orElseThrow());
    assertEquals(
        ImageType.JPEG, ImageType.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}).get());
    assertEquals(ImageType.WEBP, ImageType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes()).orElseThrow());
    assertTrue(ImageType.of("GIF89a".getBytes()).isEmpty());
    assertTrue(ImageType.of(new byte[0]).isEmpty());
  }
}
