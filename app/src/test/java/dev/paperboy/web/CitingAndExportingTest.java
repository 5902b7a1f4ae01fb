package dev.paperboy.web;

import static dev.paperboy.cite.Citations.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.cite.Citations;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BibTeX, RIS and "export your data" over HTTP, on a real Hugging Face day. */
class CitingAndExportingTest {

  static final String PAPER = "2608.16590";
  static final String PUBLISHED = "2608.99001";

  @TempDir static Path dir;
  static App app;
  static WebClient web;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json");
    app.papers()
        .upsert(
            List.of(
                Citations.paper(
                    PUBLISHED,
                    "Costs & 100% $\\alpha_{1}$ savings",
                    List.of("Grace Hopper", "Ada Lovelace"),
                    "Phys. Rev. Lett. 130, 1 (2026)",
                    "10.1103/PhysRevLett.130.000001")));
    web = new WebClient(TestApps.baseUrl(app));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static List<BibTeXEntry> bib(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "application/x-bibtex; charset=utf-8", r.headers().firstValue("Content-Type").get());
    assertTrue(
        r.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .matches("attachment; filename=\".+\\.bib\""),
        r.headers().map().toString());
    List<BibTeXEntry> entries = new ArrayList<>(Citations.parse(r.body()).getEntries().values());
    assertFalse(entries.isEmpty(), r.body());
    return entries;
  }

  @Test
  void aPaperCitesAsBibtexWithItsArxivFields() {
    BibTeXEntry e = bib(web.get("/papers/" + PAPER + ".bib")).get(0);
    assertEquals("ding2026zetta", e.getKey().getValue());
    assertEquals(PAPER, field(e, "eprint"));
    assertTrue(field(e, "author").startsWith("Xin Ding and Liang Mi and "), field(e, "author"));
    assertTrue(field(e, "title").startsWith("Zetta ζ"), "UTF-8 kept: " + field(e, "title"));
  }

  @Test
  void aPublishedPaperCitesWithItsJournalDoiAndEscapedTitle() {
    BibTeXEntry e = bib(web.get("/papers/" + PUBLISHED + ".bib")).get(0);
    assertEquals("article", e.getType().getValue());
    assertEquals("hopper2026costs", e.getKey().getValue());
    assertEquals("10.1103/PhysRevLett.130.000001", field(e, "doi"));
    assertEquals("Phys. Rev. Lett. 130, 1 (2026)", field(e, "journal"));
    assertEquals("Costs \\& 100\\% $\\alpha_{1}$ savings", field(e, "title"));
  }

  @Test
  void aPaperCitesAsRis() {
    HttpResponse<String> r = web.get("/papers/" + PUBLISHED + ".ris");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers()
            .firstValue("Content-Type")
            .get()
            .startsWith("application/x-research-info-systems"));
    assertEquals(
        "attachment; filename=\"" + PUBLISHED + ".ris\"",
        r.headers().firstValue("Content-Disposition").get());
    assertTrue(
        r.body().startsWith("TY  - JOUR\r\nAU  - Grace Hopper\r\nAU  - Ada Lovelace\r\n"),
        r.body());
    assertTrue(r.body().endsWith("ER  - \r\n"), r.body());
  }

  @Test
  void unknownOrMalformedPapersAre404WithAMessage() {
    HttpResponse<String> unknown = web.get("/papers/2608.00404.bib");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("2608.00404"), unknown.body());
    assertEquals(404, web.get("/papers/not-an-id.ris").statusCode());
    assertEquals(200, web.get("/papers/" + PAPER).statusCode(), "the page itself is still there");
  }

  @Test
  void aSearchPageCitesItsResultsWithItsFilters() {
    List<BibTeXEntry> all = bib(web.get("/search.bib?q=harness"));
    assertTrue(all.stream().anyMatch(e -> PAPER.equals(field(e, "eprint"))));
    HttpResponse<String> none = web.get("/search.bib?q=harness&cat=math.AG");
    assertEquals(200, none.statusCode());
    assertEquals("", none.body().strip(), "the category filter applies");
    HttpResponse<String> page = web.get("/search?q=harness");
    assertTrue(page.body().contains("href=\"/search.bib?q=harness\""), "the page links its export");
    assertTrue(web.get("/search.ris?q=harness").body().startsWith("TY  - "));
  }

  @Test
  void aSearchWithoutWordsOrWithBadFiltersIs400() {
    assertEquals(400, web.get("/search.bib").statusCode());
    assertEquals(400, web.get("/search.ris?q=").statusCode());
    HttpResponse<String> badSort = web.get("/search.bib?q=harness&sort=sideways");
    assertEquals(400, badSort.statusCode());
    assertTrue(badSort.body().contains("sort must be"), badSort.body());
    assertEquals(400, web.get("/search.bib?q=x&from=2026-02-30").statusCode());
  }

  static long collection(WebClient owner, String name, boolean isPrivate, String paper) {
    HttpResponse<String> made =
        isPrivate
            ? owner.post("/collections", "name", name, "private", "1", "paper", paper)
            : owner.post("/collections", "name", name, "paper", paper);
    assertEquals(303, made.statusCode(), made.body());
    String where = made.headers().firstValue("Location").orElseThrow();
    Matcher m = Pattern.compile("/collections/(\\d+)").matcher(where);
    assertTrue(m.find(), where);
    return Long.parseLong(m.group(1));
  }

  @Test
  void aPublicCollectionExportsForAnyoneAPrivateOneOnlyForItsOwner() {
    WebClient owner = WebClient.signedIn(app, "curator", "correct horse battery");
    long shared = collection(owner, "Shared reading", false, PAPER);
    owner.post("/collections/" + shared + "/papers", "paper", PUBLISHED);
    long secret = collection(owner, "Secret reading", true, PAPER);

    WebClient stranger = new WebClient(TestApps.baseUrl(app));
    List<BibTeXEntry> held = bib(stranger.get("/collections/" + shared + ".bib"));
    assertEquals(2, held.size());
    assertTrue(stranger.get("/collections/" + shared + ".ris").body().contains("TY  - JOUR"));
    assertTrue(
        stranger.get("/collections/" + shared).body().contains("/collections/" + shared + ".bib"));

    HttpResponse<String> hidden = stranger.get("/collections/" + secret + ".bib");
    assertEquals(404, hidden.statusCode());
    assertTrue(hidden.body().contains("There is no collection " + secret), hidden.body());
    assertEquals(404, stranger.get("/collections/" + secret + ".ris").statusCode());
    assertEquals(1, bib(owner.get("/collections/" + secret + ".bib")).size(), "its owner may");
    assertEquals(404, stranger.get("/collections/999999.bib").statusCode());
    assertEquals(404, stranger.get("/collections/abc.bib").statusCode());
  }

  @Test
  void exportingYourDataNeedsASignedInSession() {
    HttpResponse<String> r = new WebClient(TestApps.baseUrl(app)).get("/settings/export.json");
    assertEquals(303, r.statusCode());
    assertTrue(r.headers().firstValue("Location").get().startsWith("/signin?next="));
  }

  @Test
  void exportingYourDataGivesAccountVotesCollectionsCommentsAndFollows() throws Exception {
    WebClient reader = WebClient.signedIn(app, "reader", "correct horse battery");
    assertEquals(303, reader.post("/papers/" + PAPER + "/vote").statusCode());
    long kept = collection(reader, "To read", true, PUBLISHED);
    assertEquals(
        303,
        reader.post("/papers/" + PAPER + "/comments", "body", "A *fine* harness.").statusCode());
    assertEquals(
        303,
        reader
            .post("/follows", "kind", "topic", "key", "kv cache", "label", "kv cache", "back", "/")
            .statusCode());
    assertTrue(reader.get("/settings").body().contains("href=\"/settings/export.json\""));

    HttpResponse<String> r = reader.get("/settings/export.json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").get().startsWith("application/json"));
    assertEquals(
        "attachment; filename=\"paperboy-data.json\"",
        r.headers().firstValue("Content-Disposition").get());
    JsonNode data = new ObjectMapper().readTree(r.body());
    assertEquals("reader", data.at("/account/name").asText());
    assertEquals("reader@example.org", data.at("/account/email").asText());
    assertFalse(data.at("/account/created").asText().isEmpty());

    assertEquals(1, data.get("votes").size());
    assertEquals(PAPER, data.at("/votes/0/paper").asText());
    assertFalse(data.at("/votes/0/at").asText().isEmpty());

    assertEquals(1, data.get("collections").size());
    assertEquals(kept, data.at("/collections/0/id").asLong());
    assertEquals("To read", data.at("/collections/0/name").asText());
    assertFalse(data.at("/collections/0/public").asBoolean());
    assertEquals(PUBLISHED, data.at("/collections/0/papers/0").asText());

    assertEquals(1, data.get("comments").size());
    assertEquals(PAPER, data.at("/comments/0/paper").asText());
    assertEquals("A *fine* harness.", data.at("/comments/0/text").asText());
    assertFalse(data.at("/comments/0/at").asText().isEmpty());

    assertEquals(1, data.get("follows").size());
    assertEquals("topic", data.at("/follows/0/kind").asText());
    assertEquals("kv cache", data.at("/follows/0/key").asText());
    assertFalse(data.at("/follows/0/at").asText().isEmpty());
    assertFalse(r.body().contains("password"), "no secrets in the file");
  }
}
