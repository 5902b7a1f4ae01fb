package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.thumbnail.ThumbnailSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PAPERBOY_THUMBNAILS and PAPERBOY_THUMBNAIL_*, as start-up reads them. */
class ThumbnailConfigTest {

  static ThumbnailSettings resolve(Map<String, String> env) {
    return Config.resolve(null, null, Path.of("data"), env).thumbnails();
  }

  @Test
  void thumbnailsAreFetchedWhereHarvestsRunFromHuggingFaceOverHttps() {
    ThumbnailSettings on = resolve(Map.of());
    assertTrue(on.fetch());
    assertEquals(
        List.of("https://cdn-thumbnails.huggingface.co", "https://huggingface.co"), on.origins());
    assertEquals(512L << 20, on.cacheBytes());
    assertEquals(2048L << 10, on.maxFileBytes());
    assertFalse(resolve(Map.of("PAPERBOY_INGEST", "off")).fetch());
    assertTrue(resolve(Map.of("PAPERBOY_INGEST", "off", "PAPERBOY_THUMBNAILS", "on")).fetch());
  }

  @Test
  void hostsAndLimitsCanBeSetAndNonsenseIsRefused() {
    ThumbnailSettings s =
        resolve(
            Map.of(
                "PAPERBOY_THUMBNAIL_HOSTS", "images.example.org",
                "PAPERBOY_THUMBNAIL_CACHE_MB", "64",
                "PAPERBOY_THUMBNAIL_MAX_KB", "512"));
    assertEquals(List.of("https://images.example.org"), s.origins());
    assertEquals(64L << 20, s.cacheBytes());
    assertEquals(512L << 10, s.maxFileBytes());
    assertThrows(
        IllegalArgumentException.class,
        () -> resolve(Map.of("PAPERBOY_THUMBNAIL_HOSTS", "http://images.example.org")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            resolve(
                Map.of("PAPERBOY_THUMBNAIL_CACHE_MB", "1", "PAPERBOY_THUMBNAIL_MAX_KB", "4096")));
    assertThrows(
        IllegalArgumentException.class, () -> resolve(Map.of("PAPERBOY_THUMBNAILS", "yes")));
  }
}
