package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An answer made once and sent many times: its bytes, their brotli and gzip (for a text of some
 * size) and a weak ETag of the bytes, the same for every encoding. Sending it answers a matching
 * {@code If-None-Match} with a 304, a client that accepts brotli with the brotli bytes and one that
 * accepts gzip with the gzip bytes.
 */
record PreparedBody(String contentType, byte[] body, byte[] brotli, byte[] gzip, String hash) {

  /** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
  private static final int MIN_GZIP_BYTES = 1024;

  /** gzip's level for answers made per request, and for prepared ones seldom sent twice. */
  static final int DYNAMIC_GZIP_LEVEL = 1;

  /** A body sent many times: compressed at the best levels worth their time. */
  static PreparedBody of(String contentType, byte[] body, boolean compressible) {
    return of(contentType, body, compressible, false);
  }

  /**
   * A body compressed as a per-request answer is ({@code quick}: an answer such as a search that
   * may well be asked once, where brotli 5 and gzip 9 of 160 KB took longer than finding it) or at
   * the best levels worth their time.
   */
  static PreparedBody of(String contentType, byte[] body, boolean compressible, boolean quick) {
    return of(contentType, body, compressible, quick, null);
  }

  /** As above, with the body's gzip when it was made already (null otherwise). */
  static PreparedBody of(
      String contentType, byte[] body, boolean compressible, boolean quick, byte[] gzip) {
    boolean compress = compressible && body.length >= MIN_GZIP_BYTES;
    return new PreparedBody(
        contentType,
        body,
        compress
            ? Brotli.compress(body, quick ? Brotli.DYNAMIC_QUALITY : Brotli.PREPARED_QUALITY)
            : null,
        !compress
            ? null
            : gzip != null
                ? gzip
                : gzip(body, quick ? DYNAMIC_GZIP_LEVEL : Deflater.BEST_COMPRESSION),
        ConditionalGet.hash(body));
  }

  /** Bytes held. */
  long size() {
    return body.length + (brotli == null ? 0 : brotli.length) + (gzip == null ? 0 : gzip.length);
  }

  void send(Context ctx, String cacheControl) {
    String etag = "W/\"" + hash + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
    if (gzip != null) {
      ctx.header("Vary", "Accept-Encoding");
    }
    if (ConditionalGet.current(ctx.header("If-None-Match"), null, etag, Instant.EPOCH)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType);
    String accepted = ctx.header("Accept-Encoding");
    if (brotli != null && accepts(accepted, "br")) {
      // Javalin compresses nothing that already names its encoding
      ctx.header("Content-Encoding", "br");
      ctx.header("Content-Length", Integer.toString(brotli.length));
      ctx.result(brotli);
    } else if (!sentGzip(ctx, gzip)) {
      ctx.result(body); // no length: Javalin may still compress it (with a coding it admits)
    }
  }

  /**
   * Sends {@code gzip} (a body's gzip, or null when it has none) if the client takes gzip; false
   * when it was not sent.
   */
  static boolean sentGzip(Context ctx, byte[] gzip) {
    if (gzip == null || !acceptsGzip(ctx.header("Accept-Encoding"))) {
      return false;
    }
    // Javalin compresses nothing that already names its encoding
    ctx.header("Content-Encoding", "gzip");
    ctx.header("Content-Length", Integer.toString(gzip.length));
    ctx.result(gzip);
    return true;
  }

  /** Whether an Accept-Encoding header admits gzip (RFC 9110 section 12.5.3). */
  static boolean acceptsGzip(String acceptEncoding) {
    return accepts(acceptEncoding, "gzip", "x-gzip");
  }

  /**
   * Whether an Accept-Encoding header admits the coding (under any of its names): named without a
   * zero weight, or left to {@code *} when not named at all.
   */
  static boolean accepts(String acceptEncoding, String... names) {
    if (acceptEncoding == null) {
      return false;
    }
    List<String> coding = List.of(names);
    Boolean any = null;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      String named = pieces[0].strip().toLowerCase(Locale.ROOT);
      boolean admitted = pieces.length < 2 || !zeroWeight(pieces[1]);
      if (coding.contains(named)) {
        return admitted;
      }
      if (named.equals("*")) {
        any = admitted;
      }
    }
    return any != null && any;
  }

  static boolean zeroWeight(String parameter) {
    String p = parameter.strip().toLowerCase(Locale.ROOT);
    if (!p.startsWith("q=")) {
      return false;
    }
    try {
      return Double.parseDouble(p.substring(2).strip()) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static byte[] gzip(byte[] body, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(level);
          }
        }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }
}
