package dev.paperboy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code /api} page: each documented route with its parameters in words. */
public record ApiDocsView(String endpoint, List<ApiDocsView.Route> routes) {

  public record Route(
      String anchor,
      String path,
      String tag,
      String summary,
      String description,
      String contentType,
      String schema,
      List<Param> params,
      Map<Integer, String> errors,
      List<String> examples) {

    static Route of(ApiRoute r) {
      return new Route(
          r.operationId(),
          r.path(),
          r.tag(),
          r.summary(),
          r.description(),
          r.contentType(),
          r.schema(),
          r.params().stream().map(Param::of).toList(),
          r.errors(),
          r.examples());
    }
  }

  public record Param(String name, String facts, String description) {

    static Param of(ApiParam p) {
      List<String> facts = new ArrayList<>();
      facts.add(p.in().equals("path") ? "in the path" : "query");
      facts.add(p.type());
      if (p.min() != null) {
        facts.add(p.min() + " to " + p.max());
      }
      if (p.defaultValue() != null) {
        facts.add("default " + p.defaultValue());
      }
      if (p.maxLength() != null) {
        facts.add("at most " + p.maxLength() + " characters");
      }
      if (!p.choices().isEmpty()) {
        facts.add("one of " + String.join(", ", p.choices()));
      }
      if (p.example() != null) {
        facts.add("e.g. " + p.example());
      }
      return new Param(p.name(), String.join(" · ", facts), p.description());
    }
  }
}
