package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before anything reads a request body: a body Paperboy cannot or will not read is refused
 * with the reason (413 too large, 415 an unknown charset or a multipart form), never half-read into
 * a 500. Paperboy's own forms are small and URL-encoded.
 */
final class RequestChecks {

  /** The largest body a form may send: a 5,000-character comment, URL-encoded, fits. */
  static final int MAX_BODY_BYTES = 128 * 1024;

  private static final Set<String> NO_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private RequestChecks() {}

  static void check(Context ctx) {
    if (NO_BODY.contains(ctx.method().name())) {
      return;
    }
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_BODY_BYTES) {
      throw new HttpResponseException(
          413,
          "The request body is "
              + length
              + " bytes; Paperboy takes at most "
              + MAX_BODY_BYTES
              + ".");
    }
    String type = ctx.contentType();
    if (type == null) {
      return;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("multipart/")) {
      throw new HttpResponseException(
          415, "Send forms as application/x-www-form-urlencoded; Paperboy takes no uploads.");
    }
    String charset = charset(type);
    if (charset != null && !supported(charset)) {
      throw new HttpResponseException(
          415, "The charset '" + Params.clip(charset) + "' is unknown; send UTF-8.");
    }
  }

  private static String charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").strip();
      }
    }
    return null;
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
