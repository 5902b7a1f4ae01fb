package dev.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The stylesheets, scripts, fonts and icons under {@code /static}, read from the jar once and
 * served from memory, text ones gzipped once. Pages name them by {@link #href}, which adds a
 * fingerprint of the content ({@code ?v=…}): an address with the current fingerprint never changes
 * meaning, so browsers keep it for a year without asking again; a new build's file has a new
 * address. Without the fingerprint (KaTeX's fonts, named from its stylesheet) an asset is cached
 * for an hour and revalidated by its ETag.
 */
public final class StaticAssets {

  private static final String PREFIX = "/static/";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String ONE_HOUR = "public, max-age=3600";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("ttf", "font/ttf"));

  /** Text formats gain from gzip; fonts and images are compressed already. */
  private static final Set<String> TEXT = Set.of("css", "js", "svg", "webmanifest");

  private record Asset(PreparedBody prepared, String fingerprint) {}

  /** Loaded on first use; only names of files that exist are kept, so the map stays small. */
  private static final Map<String, Asset> LOADED = new ConcurrentHashMap<>();

  private StaticAssets() {}

  /** The address of the asset {@code name} (say {@code app.css}), with its fingerprint. */
  public static String href(String name) {
    Asset asset =
        find(name).orElseThrow(() -> new IllegalStateException(name + " is missing from the jar"));
    return PREFIX + name + "?v=" + asset.fingerprint();
  }

  static void register(Javalin app) {
    app.get(PREFIX + "<name>", StaticAssets::send);
  }

  private static void send(Context ctx) {
    String name = ctx.pathParam("name");
    Asset asset = find(name).orElseThrow(() -> new NotFoundResponse("There is no file " + name));
    boolean current = asset.fingerprint().equals(ctx.queryParam("v"));
    asset.prepared().send(ctx, current ? IMMUTABLE : ONE_HOUR);
  }

  private static Optional<Asset> find(String name) {
    if (name == null || name.length() > 200 || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Asset known = LOADED.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Asset> read = read(name);
    read.ifPresent(a -> LOADED.put(name, a));
    return read;
  }

  private static Optional<Asset> read(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    if (type == null) {
      return Optional.empty(); // a LICENSE or a folder is not served
    }
    try (InputStream in = StaticAssets.class.getResourceAsStream(PREFIX + name)) {
      if (in == null) {
        return Optional.empty();
      }
      PreparedBody prepared = PreparedBody.of(type, in.readAllBytes(), TEXT.contains(extension));
      return Optional.of(new Asset(prepared, prepared.hash().substring(0, 12)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PREFIX + name + " from the jar", e);
    }
  }
}
