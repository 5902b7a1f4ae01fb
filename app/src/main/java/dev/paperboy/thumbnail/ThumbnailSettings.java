package dev.paperboy.thumbnail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How thumbnails are fetched and kept.
 *
 * @param fetch whether this node fetches missing thumbnails (it serves what it has either way)
 * @param origins where a thumbnail may come from, as {@code scheme://host[:port]}; {@link
 *     #forHosts} makes https ones only
 * @param maxFileBytes the largest image accepted
 * @param cacheBytes what all of a node's cached images may take together
 * @param perTick at most this many fetches a run, so one run ends in a minute or two
 * @param retryAfter how long a refused thumbnail is left alone before it is asked for again
 */
public record ThumbnailSettings(
    boolean fetch,
    List<String> origins,
    long maxFileBytes,
    long cacheBytes,
    int perTick,
    Duration retryAfter) {

  public static final List<String> HOSTS =
      List.of("cdn-thumbnails.huggingface.co", "huggingface.co");
  public static final long MAX_FILE_BYTES = 2L << 20;
  public static final long CACHE_BYTES = 512L << 20;

  public ThumbnailSettings {
    origins = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    if (maxFileBytes < 1 || cacheBytes < maxFileBytes) {
      throw new IllegalArgumentException(
          "the thumbnail cache ("
              + cacheBytes
              + " bytes) must hold at least one image of the largest size ("
              + maxFileBytes
              + " bytes)");
    }
    if (perTick < 1) {
      throw new IllegalArgumentException("perTick must be at least 1: " + perTick);
    }
  }

  /** Fetching over https from these hosts, with the given limits. */
  public static ThumbnailSettings forHosts(
      boolean fetch, List<String> hosts, long maxFileBytes, long cacheBytes) {
    for (String h : hosts) {
      if (!h.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException(
            "PAPERBOY_THUMBNAIL_HOSTS takes host names, got '" + h + "'");
      }
    }
    return new ThumbnailSettings(
        fetch,
        hosts.stream().map(h -> "https://" + h).toList(),
        maxFileBytes,
        cacheBytes,
        50,
        Duration.ofDays(7));
  }

  public static ThumbnailSettings defaults(boolean fetch) {
    return forHosts(fetch, HOSTS, MAX_FILE_BYTES, CACHE_BYTES);
  }

  /** Whether a thumbnail may be fetched from {@code uri}: one of the origins, nothing else. */
  public boolean allows(URI uri) {
    if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    return origins.contains(
        (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s from %s, up to %d KB each, %d MB cached",
        fetch ? "fetched" : "not fetched",
        String.join(",", origins),
        maxFileBytes >> 10,
        cacheBytes >> 20);
  }
}
