package dev.paperboy.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

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

  /** Echoes user input in messages without letting a huge value through. */
  static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
