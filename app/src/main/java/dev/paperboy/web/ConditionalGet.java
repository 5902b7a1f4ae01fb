package dev.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Answers with the body, or with 304 when the client's copy is current (RFC 9110 section 13): the
 * ETag is a hash of the body, so any change, a vote included, makes a new one; Last-Modified is the
 * newest item's date. If-None-Match, when sent, decides alone.
 */
final class ConditionalGet {

  private ConditionalGet() {}

  static void send(Context ctx, String contentType, String body, Instant lastModified) {
    String etag = "\"" + hash(body.getBytes(StandardCharsets.UTF_8)) + "\"";
    ctx.header("ETag", etag);
    Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    if (!modified.equals(Instant.EPOCH)) {
      ctx.header("Last-Modified", httpDate(modified));
    }
    if (current(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, modified)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType + "; charset=utf-8").result(body);
  }

  static boolean current(
      String ifNoneMatch, String ifModifiedSince, String etag, Instant modified) {
    if (ifNoneMatch != null) {
      return Arrays.stream(ifNoneMatch.split(","))
          .map(String::strip)
          .map(t -> t.startsWith("W/") ? t.substring(2) : t)
          .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
    if (ifModifiedSince == null || modified.equals(Instant.EPOCH)) {
      return false;
    }
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !modified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unreadable date is ignored, as the RFC says
    }
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** The first 128 bits of the body's SHA-256, in hex: an ETag's text. */
  static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
