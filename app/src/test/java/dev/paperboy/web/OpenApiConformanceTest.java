package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document matches the running server: every documented example answers 200 in the
 * documented schema, every documented bound is enforced with a documented 400, and every API route
 * the server registers is documented (and nothing else is).
 */
class OpenApiConformanceTest {

  @TempDir static Path dir;
  static App app;
  static JsonNode doc;
  static WebClient reader;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    // signed in, so that the reader's own routes (/api/for-you) answer too
    reader = WebClient.signedIn(app, "reader", "correct horse battery");
    HttpResponse<String> res = get("/api/openapi.json");
    assertEquals(200, res.statusCode(), res.body());
    doc = json.readTree(res.body());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<String> get(String pathAndQuery) {
    return reader.get(pathAndQuery);
  }

  @Test
  void theDocumentIsOpenApi31WithItsOwnServer() {
    assertEquals("3.1.0", doc.path("openapi").asText());
    assertEquals(TestApps.baseUrl(app), doc.path("servers").path(0).path("url").asText());
    assertTrue(doc.path("paths").size() >= 8, "every route is described");
  }

  @Test
  void everyDocumentedExampleAnswersInItsDocumentedSchema() throws Exception {
    int checked = 0;
    for (var path : iterable(doc.path("paths").fieldNames())) {
      JsonNode op = doc.path("paths").path(path).path("get");
      JsonNode ok = op.path("responses").path("200").path("content");
      String type = ok.fieldNames().next();
      assertFalse(op.path("x-examples").isEmpty(), path + " has no example");
      for (JsonNode example : op.path("x-examples")) {
        HttpResponse<String> res = get(example.asText());
        assertEquals(200, res.statusCode(), example + ": " + res.body());
        assertTrue(
            res.headers().firstValue("Content-Type").orElse("").startsWith(type),
            example + " is not " + type);
        if (type.equals("application/json")) {
          conforms(json.readTree(res.body()), ok.path(type).path("schema"), example.asText());
        } else {
          assertFalse(res.body().isBlank(), example.asText());
        }
        checked++;
      }
    }
    assertTrue(checked >= 10, "examples checked: " + checked);
  }

  @Test
  void everyDocumentedBoundIsEnforcedWithADocumented400() throws Exception {
    int checked = 0;
    for (var path : iterable(doc.path("paths").fieldNames())) {
      JsonNode op = doc.path("paths").path(path).path("get");
      String example = op.path("x-examples").path(0).asText();
      for (JsonNode param : op.path("parameters")) {
        if (!param.path("in").asText().equals("query")) {
          continue;
        }
        for (String bad : badValues(param.path("schema"))) {
          String url = withParam(example, param.path("name").asText(), bad);
          HttpResponse<String> res = get(url);
          assertEquals(400, res.statusCode(), url + ": " + res.body());
          assertTrue(op.path("responses").has("400"), path + " does not document its 400");
          assertFalse(json.readTree(res.body()).path("error").asText().isBlank(), url);
          checked++;
        }
      }
    }
    assertTrue(checked >= 15, "bounds checked: " + checked);
  }

  @Test
  void everyRegisteredApiRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
    Set<String> registered = new TreeSet<>();
    for (String route : app.routes()) {
      String path = route.substring(route.indexOf(' ') + 1);
      if (path.startsWith("/api/") || path.endsWith(".md")) {
        assertTrue(route.startsWith("GET "), "only GET routes are documented: " + route);
        registered.add(path.replaceAll("<([^>]+)>", "{$1}"));
      }
    }
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);
    assertFalse(registered.isEmpty());
    assertEquals(registered, documented);
  }

  @Test
  void theApiPageListsEveryDocumentedRoute() throws Exception {
    HttpResponse<String> page = get("/api");
    assertEquals(200, page.statusCode());
    for (var path : iterable(doc.path("paths").fieldNames())) {
      assertTrue(page.body().contains("GET " + path), path + " is missing from /api");
    }
  }

  /** A value just outside each documented bound of a query parameter. */
  private static List<String> badValues(JsonNode schema) {
    List<String> bad = new ArrayList<>();
    if (schema.has("minimum")) {
      bad.add(String.valueOf(schema.path("minimum").asLong() - 1));
      bad.add(String.valueOf(schema.path("maximum").asLong() + 1));
      bad.add("many");
    }
    if (schema.has("maxLength")) {
      bad.add("a".repeat(schema.path("maxLength").asInt() + 1));
    }
    if (schema.has("enum")) {
      bad.add("no-such-order");
    }
    if (schema.has("pattern")) {
      bad.add("2026-13-45x");
    }
    return bad;
  }

  /** The example with {@code name} set to {@code value}, and date, week and month kept apart. */
  private static String withParam(String example, String name, String value) {
    int q = example.indexOf('?');
    String path = q < 0 ? example : example.substring(0, q);
    List<String> kept = new ArrayList<>();
    Set<String> periods = Set.of("date", "week", "month");
    if (q >= 0) {
      for (String pair : example.substring(q + 1).split("&")) {
        String key = pair.split("=")[0];
        if (!key.equals(name) && !(periods.contains(name) && periods.contains(key))) {
          kept.add(pair);
        }
      }
    }
    kept.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    return path + "?" + String.join("&", kept);
  }

  /** Checks a value against a schema of the document: types, required fields, items, $refs. */
  private static void conforms(JsonNode value, JsonNode schema, String where) {
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      JsonNode target = doc.path("components").path("schemas").path(name);
      assertFalse(target.isMissingNode(), "no schema " + name);
      conforms(value, target, where);
      return;
    }
    String type = schema.path("type").asText();
    switch (type) {
      case "object" -> {
        assertTrue(value.isObject(), where + " is not an object: " + value);
        for (JsonNode field : schema.path("required")) {
          assertTrue(value.hasNonNull(field.asText()), where + " lacks " + field);
        }
        for (var name : iterable(schema.path("properties").fieldNames())) {
          if (value.hasNonNull(name)) {
            conforms(value.get(name), schema.path("properties").path(name), where + "." + name);
          }
        }
      }
      case "array" -> {
        assertTrue(value.isArray(), where + " is not an array: " + value);
        for (int i = 0; i < value.size(); i++) {
          conforms(value.get(i), schema.path("items"), where + "[" + i + "]");
        }
      }
      case "string" -> assertTrue(value.isTextual(), where + " is not a string: " + value);
      case "integer" -> assertTrue(value.isIntegralNumber(), where + " is not an integer");
      case "boolean" -> assertTrue(value.isBoolean(), where + " is not a boolean");
      default -> fail(where + ": the schema has no type the test knows: " + schema);
    }
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    List<T> all = new ArrayList<>();
    it.forEachRemaining(all::add);
    return all;
  }
}
