package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What huggingface_hub builds from one answer item, read the way its constructors read it
 * (huggingface_hub/src/huggingface_hub/hf_api.py, {@code PaperInfo.__init__}, {@code
 * PaperAuthor.__init__}, {@code User.__init__}, {@code Organization.__init__}; utils/_datetime.py,
 * {@code parse_datetime}). Where Python would raise (a {@code **} of something not a mapping, a
 * time strptime refuses) this fails the test instead.
 */
record HfPaperInfo(
    String id,
    List<String> authors,
    Instant publishedAt,
    String title,
    String summary,
    Long upvotes,
    long comments,
    Instant submittedAt,
    String submittedBy,
    String aiSummary,
    String organization,
    String githubRepo) {

  /**
   * parse_datetime pads or cuts the fraction to 6 digits when the text ends in Z, then strptime's
   * "%Y-%m-%dT%H:%M:%S.%fZ": so a trailing Z is required, the fraction optional.
   */
  private static final Pattern HF_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

  static HfPaperInfo of(JsonNode kwargs) {
    assertTrue(kwargs.isObject(), "PaperInfo(**item) needs a mapping: " + kwargs);
    // paper = kwargs.pop("paper", {})
    JsonNode paper = kwargs.path("paper");
    // self.id = kwargs.pop("id", None) or paper.pop("id", None)
    String id = text(kwargs, "id") != null ? text(kwargs, "id") : text(paper, "id");
    assertTrue(id != null && !id.isBlank(), "no id: " + kwargs);
    // authors = paper.pop("authors", None) or kwargs.pop("authors", None); PaperAuthor(**author)
    JsonNode authorsNode = paper.has("authors") ? paper.get("authors") : kwargs.path("authors");
    List<String> authors = new ArrayList<>();
    for (JsonNode author : authorsNode) {
      assertTrue(author.isObject(), "PaperAuthor(**author) needs a mapping: " + author);
      authors.add(author.path("name").asText(""));
      if (author.hasNonNull("user")) {
        user(author.get("user"));
      }
    }
    // published_at = paper.pop("publishedAt", None) or kwargs.pop("publishedAt", None)
    Instant published = time(firstText(paper, kwargs, "publishedAt"));
    // self.title = kwargs.pop("title", None): the top level only
    String title = text(kwargs, "title");
    String summary = firstText(paper, kwargs, "summary");
    JsonNode upvotes = paper.has("upvotes") ? paper.get("upvotes") : kwargs.get("upvotes");
    if (upvotes != null && !upvotes.isIntegralNumber()) {
      fail("upvotes is not an int: " + upvotes);
    }
    // self.comments = kwargs.pop("numComments", 0)
    long comments = kwargs.path("numComments").asLong(0);
    // submitted_at = kwargs.pop("publishedAt", None) or kwargs.pop("submittedOnDailyAt", None)
    Instant submitted =
        time(
            text(kwargs, "publishedAt") != null
                ? text(kwargs, "publishedAt")
                : text(kwargs, "submittedOnDailyAt"));
    // submitted_by = kwargs.pop("submittedBy", None) or kwargs.pop("submittedOnDailyBy", None)
    JsonNode by =
        kwargs.hasNonNull("submittedBy")
            ? kwargs.get("submittedBy")
            : kwargs.get("submittedOnDailyBy");
    String submittedBy = by == null || by.isNull() ? null : user(by);
    // Organization(**organization)
    JsonNode org = kwargs.get("organization");
    String organization = null;
    if (org != null && !org.isNull()) {
      assertTrue(org.isObject(), "Organization(**org) needs a mapping: " + org);
      organization = org.path("name").asText("");
    }
    return new HfPaperInfo(
        id,
        authors.isEmpty() ? null : authors,
        published,
        title,
        summary,
        upvotes == null ? null : upvotes.asLong(),
        comments,
        submitted,
        submittedBy,
        text(kwargs, "ai_summary"),
        organization,
        text(kwargs, "githubRepo"));
  }

  /** User(**kwargs): its username is kwargs.pop("user", ""). */
  private static String user(JsonNode user) {
    assertTrue(user.isObject(), "User(**user) needs a mapping: " + user);
    return user.path("user").asText("");
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    assertTrue(HF_TIME.matcher(text).matches(), "parse_datetime refuses '" + text + "'");
    return Instant.parse(text);
  }

  private static String firstText(JsonNode first, JsonNode second, String field) {
    return text(first, field) != null ? text(first, field) : text(second, field);
  }

  /** Python's {@code x or y} treats "" and null alike. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
