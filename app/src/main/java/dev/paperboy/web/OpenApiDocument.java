package dev.paperboy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.1 description of {@link ApiCatalog#ROUTES}, as a tree Jackson writes out. */
final class OpenApiDocument {

  private OpenApiDocument() {}

  static Map<String, Object> of(List<ApiRoute> routes, String serverUrl) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "Paperboy API",
            "version",
            "1",
            "description",
            "Daily Papers as Hugging Face's papers API answers them, so huggingface_hub's"
                + " list_daily_papers, list_papers, paper_info and read_paper work against this"
                + " server (HfApi(endpoint=...)), plus Paperboy's own routes. Errors are JSON"
                + " objects with one field, error."));
    doc.put("servers", List.of(Map.of("url", serverUrl)));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      paths.put(route.path(), Map.of("get", operation(route)));
    }
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", ApiSchemas.all()));
    return doc;
  }

  private static Map<String, Object> operation(ApiRoute route) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", route.operationId());
    op.put("tags", List.of(route.tag()));
    op.put("summary", route.summary());
    op.put("description", route.description());
    op.put("parameters", route.params().stream().map(OpenApiDocument::parameter).toList());
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> body =
        route.schema() == null ? Map.of("type", "string") : ApiSchemas.ref(route.schema());
    responses.put(
        "200",
        Map.of(
            "description", route.summary(),
            "content", Map.of(route.contentType(), Map.of("schema", body))));
    route
        .errors()
        .forEach(
            (status, meaning) ->
                responses.put(
                    String.valueOf(status),
                    Map.of(
                        "description",
                        meaning,
                        "content",
                        Map.of(ApiCatalog.JSON, Map.of("schema", ApiSchemas.ref("Error"))))));
    op.put("responses", responses);
    // requests that answer 200 over the demo data: for readers, and for the conformance test
    op.put("x-examples", route.examples());
    return op;
  }

  private static Map<String, Object> parameter(ApiParam p) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", p.type());
    if (p.min() != null) {
      schema.put("minimum", p.min());
    }
    if (p.max() != null) {
      schema.put("maximum", p.max());
    }
    if (p.defaultValue() != null) {
      schema.put("default", p.defaultValue());
    }
    if (p.maxLength() != null) {
      schema.put("maxLength", p.maxLength());
    }
    if (p.pattern() != null) {
      schema.put("pattern", p.pattern());
    }
    if (!p.choices().isEmpty()) {
      schema.put("enum", p.choices());
    }
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("name", p.name());
    param.put("in", p.in());
    param.put("required", p.required());
    param.put("description", p.description());
    param.put("schema", schema);
    if (p.example() != null) {
      param.put("example", p.example());
    }
    return param;
  }
}
