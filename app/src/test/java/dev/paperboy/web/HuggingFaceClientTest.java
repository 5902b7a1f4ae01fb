package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * huggingface_hub's paper methods pointed at Paperboy ({@code HfApi(endpoint=...)}): the exact
 * requests hf_api.py sends, answered and read back as its PaperInfo reads them ({@link
 * HfPaperInfo}). The Python client cannot be installed here, so its requests are replayed.
 */
class HuggingFaceClientTest {

  /** What build_hf_headers sends for a client with a token (utils/_headers.py). */
  static final String USER_AGENT = "unknown/None; hf_hub/1.2.0; python/3.12.3; torch/2.5.1";

  static final String TOKEN = "Bearer hf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @TempDir static Path dir;
  static App app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /**
   * A request as get_session().get(path, params=..., headers=self._build_hf_headers()) sends it.
   */
  static HttpResponse<String> withHfHeaders(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(TestApps.baseUrl(app) + pathAndQuery))
            .header("user-agent", USER_AGENT)
            .header("authorization", TOKEN)
            .header("Accept", "*/*")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** paper_info and read_paper: get_session().get(path) with no headers of its own. */
  static HttpResponse<String> bare(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(TestApps.baseUrl(app) + path))
            .header("Accept", accept)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** hf_raise_for_status passes, then `for paper in r.json(): yield PaperInfo(**paper)`. */
  static List<HfPaperInfo> papers(HttpResponse<String> res) throws Exception {
    assertEquals(200, res.statusCode(), res.body());
    JsonNode items = json.readTree(res.body());
    assertTrue(items.isArray(), res.body());
    List<HfPaperInfo> out = new ArrayList<>();
    items.forEach(i -> out.add(HfPaperInfo.of(i)));
    return out;
  }

  @Test
  void listDailyPapersOfADayReadsEveryFieldPaperInfoKnows() throws Exception {
    // list_daily_papers(date="2026-08-21"): params dict order p, limit, sort, date, ...
    List<HfPaperInfo> day = papers(withHfHeaders("/api/daily_papers?date=2026-08-21"));
    assertEquals(17, day.size(), "the fixture day holds 17 papers");
    for (HfPaperInfo p : day) {
      assertNotNull(p.title(), p.id());
      assertNotNull(p.authors(), p.id());
      assertNotNull(p.publishedAt(), p.id());
      assertNotNull(p.submittedAt(), p.id());
      assertNotNull(p.upvotes(), p.id());
      assertNotNull(p.submittedBy(), p.id());
    }
    assertTrue(day.stream().anyMatch(p -> p.organization() != null), "some paper has an org");
    assertTrue(day.stream().anyMatch(p -> p.aiSummary() != null), "some paper has a summary");
  }

  @Test
  void everyListDailyPapersParameterIsHonouredTogether() throws Exception {
    List<HfPaperInfo> all = papers(withHfHeaders("/api/daily_papers?limit=100&week=2026-W34"));
    List<HfPaperInfo> page =
        papers(withHfHeaders("/api/daily_papers?p=1&limit=5&sort=trending&week=2026-W34"));
    assertEquals(5, page.size());
    List<HfPaperInfo> trending =
        papers(withHfHeaders("/api/daily_papers?p=0&limit=100&sort=trending&week=2026-W34"));
    assertEquals(all.size(), trending.size(), "sorting keeps the week's papers");
    assertEquals(trending.subList(5, 10), page, "p=1 is the second page of five");
    List<HfPaperInfo> newest =
        papers(withHfHeaders("/api/daily_papers?limit=100&sort=publishedAt&month=2026-08"));
    assertFalse(newest.isEmpty());
    for (int i = 1; i < newest.size(); i++) {
      assertFalse(newest.get(i).publishedAt().isAfter(newest.get(i - 1).publishedAt()));
    }
  }

  @Test
  void aSubmitterFilterKeepsOnlyThatUsersPapersOnEveryDay() throws Exception {
    long expected = submittedInFixtures("taesiri");
    assertTrue(expected > 0, "the fixtures hold papers taesiri submitted");
    List<HfPaperInfo> theirs = papers(withHfHeaders("/api/daily_papers?submitter=taesiri"));
    assertEquals(expected, theirs.size());
    theirs.forEach(p -> assertEquals("taesiri", p.submittedBy()));
    assertEquals(
        theirs, papers(withHfHeaders("/api/daily_papers?submitter=TAESIRI")), "ignoring case");
    List<HfPaperInfo> oneDay =
        papers(withHfHeaders("/api/daily_papers?limit=50&date=2026-08-21&submitter=taesiri"));
    assertFalse(oneDay.isEmpty());
    oneDay.forEach(p -> assertEquals("taesiri", p.submittedBy()));
    assertTrue(oneDay.size() <= theirs.size());
    assertEquals(List.of(), papers(withHfHeaders("/api/daily_papers?submitter=nobody-at-all")));
  }

  @Test
  void listPapersSearchesWithQueryAndLimitAndListsWithout() throws Exception {
    // list_papers(query="agents", limit=5): params q, then limit
    List<HfPaperInfo> found = papers(withHfHeaders("/api/papers/search?q=agents&limit=5"));
    assertFalse(found.isEmpty());
    assertTrue(found.size() <= 5);
    found.forEach(p -> assertNotNull(p.title(), p.id()));
    // list_papers(): no query, no params at all
    List<HfPaperInfo> unasked = papers(withHfHeaders("/api/papers/search"));
    assertFalse(unasked.isEmpty());
    HttpResponse<String> tooLong = withHfHeaders("/api/papers/search?q=" + "a".repeat(301));
    assertEquals(400, tooLong.statusCode());
    assertTrue(json.readTree(tooLong.body()).path("error").asText().contains("300"));
  }

  @Test
  void paperInfoReadsOnePaperAndMissingOnesAre404() throws Exception {
    HttpResponse<String> res = bare("/api/papers/2608.19880", "*/*");
    assertEquals(200, res.statusCode(), res.body());
    HfPaperInfo p = HfPaperInfo.of(json.readTree(res.body()));
    assertEquals("2608.19880", p.id());
    assertNotNull(p.title());
    assertEquals("Chengsong Huang", p.authors().get(0));
    assertNotNull(p.publishedAt());
    assertNotNull(p.submittedAt(), "submittedOnDailyAt");
    assertNotNull(p.submittedBy(), "submittedOnDailyBy");
    // hf_raise_for_status turns this into an HfHubHTTPError with status 404
    HttpResponse<String> missing = bare("/api/papers/2501.99999", "*/*");
    assertEquals(404, missing.statusCode());
    assertTrue(json.readTree(missing.body()).has("error"));
  }

  /**
   * read_paper(id) backs {@code hf papers read} (src/huggingface_hub/cli/papers.py, which prints
   * its text); the stored hf_api.py versions predate it, so both ways Hugging Face serves a paper
   * page as Markdown are checked: {@code /papers/{id}.md} and Accept: text/markdown.
   */
  @Test
  void readPaperGetsThePaperPageAsMarkdown() throws Exception {
    HttpResponse<String> md = bare("/papers/2608.19880.md", "*/*");
    assertEquals(200, md.statusCode(), md.body());
    assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
    String title =
        HfPaperInfo.of(json.readTree(bare("/api/papers/2608.19880", "*/*").body())).title();
    assertTrue(md.body().startsWith("# "), md.body());
    assertTrue(md.body().contains("Chengsong Huang"), md.body());
    assertTrue(md.body().contains("## Abstract"), md.body());
    assertTrue(md.body().contains("](<https://arxiv.org/abs/2608.19880>)"), md.body());
    assertTrue(
        md.body().lines().findFirst().orElse("").replace("\\", "").contains(title.substring(0, 20)),
        md.body());
    HttpResponse<String> asked = bare("/papers/2608.19880", "text/markdown");
    assertEquals(md.body(), asked.body(), "the page answers Markdown to Accept: text/markdown");
    assertTrue(bare("/papers/2608.19880", "text/html").body().contains("<html"));
    assertEquals(404, bare("/papers/2501.99999.md", "*/*").statusCode());
  }

  private static long submittedInFixtures(String user) throws Exception {
    long n = 0;
    for (String day : List.of("web/2026-08-20.json", "web/2026-08-21.json")) {
      for (JsonNode item : json.readTree(Files.readString(TestApps.resource(day)))) {
        String by = item.path("paper").path("submittedOnDailyBy").path("user").asText("");
        n += by.toLowerCase(Locale.ROOT).equals(user) ? 1 : 0;
      }
    }
    return n;
  }
}
