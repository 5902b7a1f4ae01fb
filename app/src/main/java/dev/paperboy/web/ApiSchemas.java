package dev.paperboy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the API's answers, as the OpenAPI document's components. The required fields
 * are those huggingface_hub's {@code PaperInfo} needs to build a paper (hf_api.py, {@code
 * PaperInfo.__init__}): an id, and for a daily item the nested paper and its top-level title.
 */
final class ApiSchemas {

  private static final Map<String, Object> TIME =
      Map.of(
          "type",
          "string",
          "format",
          "date-time",
          "description",
          "UTC with milliseconds and Z, as huggingface_hub's parse_datetime reads");

  private ApiSchemas() {}

  static Map<String, Object> all() {
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("Author", object(List.of("name"), Map.of("name", string("As the paper lists it"))));
    schemas.put(
        "Organization",
        object(
            List.of("name"),
            Map.of(
                "name", string("Hugging Face handle"),
                "fullname", string(null),
                "avatar", string("Image address"))));
    schemas.put(
        "Submitter",
        object(
            List.of("user"),
            Map.of(
                "user", string("User name, which huggingface_hub's User reads"),
                "name", string(null),
                "fullname", string(null),
                "type", string(null))));
    Map<String, Object> paper = new LinkedHashMap<>();
    paper.put("id", string("arXiv id without version"));
    paper.put("authors", array(ref("Author")));
    paper.put("publishedAt", TIME);
    paper.put("submittedOnDailyAt", TIME);
    paper.put("title", string(null));
    paper.put("summary", string("The abstract"));
    paper.put("upvotes", integer("Upvotes imported from Hugging Face plus those cast here"));
    paper.put("githubRepo", string(null));
    paper.put("githubStars", integer(null));
    paper.put("projectPage", string(null));
    paper.put("organization", ref("Organization"));
    paper.put("ai_summary", string(null));
    paper.put("ai_keywords", array(string(null)));
    paper.put("submittedOnDailyBy", ref("Submitter"));
    paper.put("withdrawn", Map.of("type", "boolean"));
    schemas.put(
        "Paper",
        object(List.of("id", "authors", "title", "summary", "upvotes", "publishedAt"), paper));
    Map<String, Object> daily = new LinkedHashMap<>();
    daily.put("paper", ref("Paper"));
    daily.put("publishedAt", TIME);
    daily.put("title", string(null));
    daily.put("summary", string(null));
    daily.put("numComments", integer(null));
    daily.put("submittedBy", ref("Submitter"));
    daily.put("organization", ref("Organization"));
    schemas.put(
        "DailyPaper", object(List.of("paper", "title", "publishedAt", "numComments"), daily));
    schemas.put("DailyPaperList", array(ref("DailyPaper")));
    schemas.put(
        "ForYouPaper",
        object(
            List.of("paper", "reasons"),
            Map.of(
                "paper", ref("DailyPaper"),
                "reasons", array(string("Why, in words: like …, by … you follow, trending")))));
    schemas.put("ForYouList", array(ref("ForYouPaper")));
    Map<String, Object> named =
        Map.of("name", string(null), "url", string(null), "numPapers", integer(null));
    schemas.put("Named", object(List.of("name", "url", "numPapers"), named));
    Map<String, Object> author = new LinkedHashMap<>(named);
    author.put("coauthors", array(ref("Named")));
    author.put("organizations", array(ref("Named")));
    author.put("papers", ref("DailyPaperList"));
    schemas.put("AuthorPage", object(List.of("name", "url", "numPapers", "papers"), author));
    Map<String, Object> org = new LinkedHashMap<>(named);
    org.put("fullname", string(null));
    org.put("avatar", string(null));
    org.put("authors", array(ref("Named")));
    org.put("topPapers", ref("DailyPaperList"));
    org.put("papers", ref("DailyPaperList"));
    schemas.put("OrgPage", object(List.of("name", "url", "numPapers", "papers"), org));
    schemas.put(
        "OpenApi",
        object(
            List.of("openapi", "info", "paths", "components"),
            Map.of(
                "openapi", string(null),
                "info", Map.of("type", "object"),
                "paths", Map.of("type", "object"),
                "components", Map.of("type", "object"))));
    schemas.put("Error", object(List.of("error"), Map.of("error", string("What was wrong"))));
    return schemas;
  }

  static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private static Map<String, Object> object(List<String> required, Map<String, Object> props) {
    return Map.of("type", "object", "required", required, "properties", props);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  private static Map<String, Object> string(String description) {
    return description == null
        ? Map.of("type", "string")
        : Map.of("type", "string", "description", description);
  }

  private static Map<String, Object> integer(String description) {
    return description == null
        ? Map.of("type", "integer")
        : Map.of("type", "integer", "description", description);
  }
}
