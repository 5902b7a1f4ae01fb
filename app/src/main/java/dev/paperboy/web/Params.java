package dev.paperboy.web;

import dev.paperboy.paper.ArxivId;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query-parameter parsing that turns bad input into a 400 naming the parameter. */
final class Params {

  private Params() {}

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse(name + " must be a whole number, got '" + clip(text) + "'");
    }
    if (value < min || value > max) {
      throw new BadRequestResponse(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** The versionless arXiv id in the {@code id} path parameter; a malformed one answers status. */
  static String arxivId(Context ctx, HttpStatus whenMalformed) {
    String raw = ctx.pathParam("id");
    return ArxivId.parse(raw)
        .map(ArxivId::id)
        .orElseThrow(
            () ->
                new HttpResponseException(
                    whenMalformed.getCode(), "'" + clip(raw) + "' is not an arXiv id."));
  }

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** A YYYY-MM-DD day (four-digit years only), or a 400 naming the parameter. */
  static LocalDate day(String name, String text) {
    try {
      if (DAY.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // an impossible day such as 2026-02-30: the same message as a malformed one
    }
    throw new BadRequestResponse(name + " must be YYYY-MM-DD, got '" + clip(text) + "'");
  }

  /** Echoes user input in messages without letting a huge value through. */
  static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
