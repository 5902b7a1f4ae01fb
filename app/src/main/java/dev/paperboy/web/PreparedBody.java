package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An answer made once and sent many times: its bytes, their gzip (for a text of some size) and a
 * weak ETag of the bytes, the same for both encodings. Sending it answers a matching {@code
 * If-None-Match} with a 304 and a client that accepts gzip with the compressed bytes.
 */
record PreparedBody(String contentType, byte[] body, byte[] gzip, String hash) {

  /** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
  private static final int MIN_GZIP_BYTES = 1024;

  static PreparedBody of(String contentType, byte[] body, boolean compressible) {
    byte[] gzip = compressible && body.length >= MIN_GZIP_BYTES ? gzip(body) : null;
    return new PreparedBody(contentType, body, gzip, ConditionalGet.hash(body));
  }

  /** Bytes held. */
  long size() {
    return body.length + (gzip == null ? 0 : gzip.length);
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
    if (gzip != null && acceptsGzip(ctx.header("Accept-Encoding"))) {
      // Javalin compresses nothing that already names its encoding
      ctx.header("Content-Encoding", "gzip");
      ctx.header("Content-Length", Integer.toString(gzip.length));
      ctx.result(gzip);
    } else {
      ctx.result(body); // no length: Javalin may still compress it (it ignores q=0)
    }
  }

  /** Whether an Accept-Encoding header admits gzip (RFC 9110 section 12.5.3). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
        return pieces.length < 2 || !zeroWeight(pieces[1]);
      }
    }
    return false;
  }

  private static boolean zeroWeight(String parameter) {
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

  /** The body gzipped at the best compression: done once per body, so worth the time. */
  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }
}
