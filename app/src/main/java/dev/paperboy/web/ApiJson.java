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
    try {
      ctx.contentType(ContentType.APPLICATION_JSON).result(JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  record Author(String name) {}

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
      Boolean withdrawn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DailyPaperJson(
      PaperJson paper,
      String publishedAt,
      String title,
      String summary,
      long numComments,
      Org organization) {}

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
        paper.organization());
  }

  private static Instant startOf(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String time(Instant i) {
    return i == null ? null : HF_TIME.format(i);
  }
}
