package dev.paperboy.web;

import java.util.List;
import java.util.Map;

/**
 * One documented route: what the OpenAPI document, the {@code /api} page and the conformance test
 * are all built from.
 *
 * @param path the path in OpenAPI form, {@code /api/papers/{id}}
 * @param routed the path as the server registers it, {@code /api/papers/<id>}
 * @param schema the component schema of a JSON answer, or null for another content type
 * @param errors the error statuses it can answer, each with what it means
 * @param examples requests (path and query) that answer 200 over the demo data
 */
record ApiRoute(
    String path,
    String routed,
    String tag,
    String summary,
    String description,
    List<ApiParam> params,
    String contentType,
    String schema,
    Map<Integer, String> errors,
    List<String> examples) {

  String operationId() {
    return path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  /** The route's parameters in the query string. */
  List<ApiParam> queryParams() {
    return params.stream().filter(p -> p.in().equals("query")).toList();
  }
}
