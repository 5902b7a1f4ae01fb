package dev.paperboy.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;

/**
 * One parameter of an API route, as the server reads and checks it and as the docs describe it, so
 * the two cannot disagree: the handlers read their parameters through these objects.
 *
 * @param in {@code query} or {@code path}
 * @param type the JSON Schema type: {@code string} or {@code integer}
 * @param pattern a regular expression a string matches, or null
 * @param choices the only values a string may take, or empty
 * @param example a value the OpenAPI document shows and the conformance test sends, or null
 */
record ApiParam(
    String name,
    String in,
    String type,
    String description,
    boolean required,
    Integer min,
    Integer max,
    Integer defaultValue,
    Integer maxLength,
    String pattern,
    List<String> choices,
    String example) {

  static ApiParam query(String name, String description) {
    return new ApiParam(
        name, "query", "string", description, false, null, null, null, null, null, List.of(), null);
  }

  static ApiParam path(String name, String description) {
    return new ApiParam(
        name, "path", "string", description, true, null, null, null, null, null, List.of(), null);
  }

  ApiParam integer(int min, int max, int defaultValue) {
    return new ApiParam(
        name,
        in,
        "integer",
        description,
        required,
        min,
        max,
        defaultValue,
        null,
        null,
        choices,
        example);
  }

  ApiParam maxLength(int chars) {
    return new ApiParam(
        name,
        in,
        type,
        description,
        required,
        min,
        max,
        defaultValue,
        chars,
        pattern,
        choices,
        example);
  }

  ApiParam pattern(String regex) {
    return new ApiParam(
        name,
        in,
        type,
        description,
        required,
        min,
        max,
        defaultValue,
        maxLength,
        regex,
        choices,
        example);
  }

  ApiParam choices(String... values) {
    return new ApiParam(
        name,
        in,
        type,
        description,
        required,
        min,
        max,
        defaultValue,
        maxLength,
        pattern,
        List.of(values),
        example);
  }

  ApiParam example(String value) {
    return new ApiParam(
        name,
        in,
        type,
        description,
        required,
        min,
        max,
        defaultValue,
        maxLength,
        pattern,
        choices,
        value);
  }

  /** The integer the request gives, the default when absent, a 400 naming the bounds otherwise. */
  int intIn(Context ctx) {
    return Params.intParam(ctx, name, defaultValue, min, max);
  }

  /**
   * The stripped text the request gives, null when absent or blank; a 400 when it is longer than
   * {@link #maxLength} or not one of the {@link #choices}.
   */
  String textIn(Context ctx) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.strip();
    if (maxLength != null && value.length() > maxLength) {
      throw new BadRequestResponse(
          name + " must be at most " + maxLength + " characters, got " + value.length());
    }
    if (!choices.isEmpty() && !choices.contains(value)) {
      throw new BadRequestResponse(
          name + " must be " + String.join(" or ", choices) + ", got '" + Params.clip(value) + "'");
    }
    return value;
  }
}
