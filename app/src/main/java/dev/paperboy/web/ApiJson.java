package dev.paperboy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Organization;
import dev.paperboy.paper.Paper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of Hugging Face's papers API, so tools written for it read ours unchanged. */
final class ApiJson {

  private static final DateTimeFormatter HF_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiJson() {}

  /** Writes the value as the JSON response body, serialised straight to bytes. */
  static void send(Context ctx, Object value) {
    RenderCache.Rendered r = rendered(value);
    ctx.contentType(r.contentType()).result(r.body());
  }

  /** The value as a JSON body. */
  static RenderCache.Rendered rendered(Object value) {
    return new RenderCache.Rendered(ContentType.APPLICATION_JSON.getMimeType(), bytes(value));
  }

  /** The value's JSON. */
  static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  record Author(String name) {}

  /**
   * Who put the paper on the Daily Papers: a Hugging Face user name for imported days, a member's
   * display name for local submissions. huggingface_hub's {@code User} reads {@code user}
   * (hf_api.py, {@code User.__init__}); Hugging Face's own answers also carry {@code name} and
   * {@code fullname}.
   */
  record Submitter(String user, String name, String fullname, String type) {
    static Submitter of(String name) {
      return name == null || name.isBlank() ? null : new Submitter(name, name, name, "user");
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Org(String name, String fullname, String avatar) {
    static Org of(Organization o) {
      return o == null ? null : new Org(o.name(), o.fullname(), o.avatar());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PaperJson(
      String id,
      List<Author> authors,
      String publishedAt,
      String submittedOnDailyAt,
      String title,
      String summary,
      long upvotes,
      String githubRepo,
      Long githubStars,
      String projectPage,
      Org organization,
      @JsonProperty("ai_summary") String aiSummary,
      @JsonProperty("ai_keywords") List<String> aiKeywords,
      Submitter submittedOnDailyBy,
      Boolean withdrawn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DailyPaperJson(
      PaperJson paper,
      String publishedAt,
      String title,
      String summary,
      long numComments,
      Submitter submittedBy,
      Org organization,
      // Hugging Face nests these in paper only, where huggingface_hub's PaperInfo never looks (it
      // reads them from the item's top level, hf_api.py PaperInfo.__init__): repeated here so
      // list_daily_papers and list_papers fill them too
      @JsonProperty("ai_summary") String aiSummary,
      @JsonProperty("ai_keywords") List<String> aiKeywords,
      String githubRepo,
      Long githubStars,
      String projectPage) {}

  record Error(String error) {}

  static PaperJson paper(Paper p) {
    return new PaperJson(
        p.id(),
        p.authors().stream().map(Author::new).toList(),
        time(p.published() != null ? p.published() : startOf(p.dailyDate())),
        time(startOf(p.dailyDate())),
        p.title(),
        p.abstractText(),
        p.totalUpvotes(),
        p.githubRepo(),
        p.githubStars(),
        p.projectPage(),
        Org.of(p.organization()),
        p.aiSummary(),
        p.aiKeywords().isEmpty() ? null : p.aiKeywords(),
        Submitter.of(p.submittedBy()),
        p.withdrawn() ? Boolean.TRUE : null);
  }

  static DailyPaperJson dailyPaper(Paper p) {
    PaperJson paper = paper(p);
    return new DailyPaperJson(
        paper,
        paper.publishedAt(),
        p.title(),
        p.abstractText(),
        p.totalComments(),
        paper.submittedOnDailyBy(),
        paper.organization(),
        paper.aiSummary(),
        paper.aiKeywords(),
        paper.githubRepo(),
        paper.githubStars(),
        paper.projectPage());
  }

  private static Instant startOf(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String time(Instant i) {
    return i == null ? null : HF_TIME.format(i);
  }
}
