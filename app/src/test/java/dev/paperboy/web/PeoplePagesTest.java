package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.paper.Organization;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.TestPapers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Author and organisation pages over HTTP, on two real Hugging Face days plus papers whose names
 * are awkward: accents written two ways, apostrophes, slashes, markup.
 */
class PeoplePagesTest {

  static final String EVIL = "<script>alert(1)</script> Mallory";
  static final Organization ODD =
      new Organization("odd lab/ü", "Odd <b>Lab</b>", "https://example.org/odd.png");

  @TempDir static Path dir;
  static App app;
  static WebClient web;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    web = new WebClient(TestApps.baseUrl(app));
    List<Paper> zoe = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      // most papers write her name with the diaeresis; a few without, one with a slash
      String written = i % 5 == 0 ? "Zoe O'Brien Smith" : "Zoë O'Brien-Smith";
      List<String> authors =
          i == 7 ? List.of(written, EVIL, "A/B Tester") : List.of(written, "Pietro Liò");
      zoe.add(paper(String.format("2607.%05d", i), LocalDate.of(2026, 7, 1 + i % 20), i, authors));
    }
    app.papers().upsert(zoe);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Paper paper(String id, LocalDate day, long upvotes, List<String> authors) {
    return TestPapers.daily(id, 1, day, upvotes, ODD, authors);
  }

  static List<String> matches(String html, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static List<String> cards(String html) {
    return matches(html, "data-paper-id=\"([^\"]+)\"");
  }

  /** The href of the link whose text is exactly {@code text}. */
  static String link(String html, String text) {
    List<String> hrefs =
        matches(html, "<a[^>]*href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>");
    assertFalse(hrefs.isEmpty(), "no link '" + text + "' in " + html);
    return hrefs.get(0);
  }

  @Test
  void everyAuthorOnThePaperPageLinksToTheirPage() {
    String paper = web.get("/papers/2608.18171").body();
    String href = link(paper, "Haitz Sáez de Ocáriz Borde");
    assertEquals("/authors/haitz%20saez%20de%20ocariz%20borde", href);
    HttpResponse<String> page = web.get(href);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<h1>Haitz Sáez de Ocáriz Borde</h1>"), page.body());
    assertEquals(List.of("2608.18171"), cards(page.body()));
    assertEquals("/authors/pietro%20lio", link(page.body(), "Pietro Liò"), "a co-author");
    assertTrue(
        page.body().contains("to follow this author"), "signed out, following asks to sign in");
  }

  @Test
  void cardsLinkTheirFirstAuthorsAndTheirOrganisation() {
    String day = web.get("/papers/date/2026-08-21").body();
    assertEquals("/authors/chengsong%20huang", link(day, "Chengsong Huang"));
    assertEquals("/orgs/google", link(day, "Google"));
    assertEquals(
        "/authors/jakub%20piotr%20clapa",
        link(web.get("/papers/2608.19936").body(), "Jakub Piotr Cłapa"));
  }

  @Test
  void everySpellingReachesOnePageNamedAsMostPapersWriteIt() {
    String canonical = web.get("/authors/zoe%20o%20brien%20smith").body();
    for (String asked :
        List.of(
            "/authors/Zo%C3%AB%20O'Brien-Smith",
            "/authors/ZOE%20O%27BRIEN%20SMITH", "/authors/Zoe+O.Brien+Smith")) {
      HttpResponse<String> res = web.get(asked);
      assertEquals(200, res.statusCode(), asked);
      assertEquals(cards(canonical), cards(res.body()), asked);
    }
    assertTrue(canonical.contains("<h1>Zoë O'Brien-Smith</h1>"), canonical);
    assertTrue(canonical.contains("25 papers"));
  }

  @Test
  void anAuthorsPapersComeNewestFirstTwentyToAPage() {
    List<String> first = cards(web.get("/authors/zoe%20o%20brien%20smith").body());
    List<String> second = cards(web.get("/authors/zoe%20o%20brien%20smith?page=2").body());
    assertEquals(20, first.size());
    assertEquals(5, second.size());
    assertEquals("2607.00019", first.get(0), "July 20 is the latest day");
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    assertEquals(25, Set.copyOf(all).size(), "no paper on both pages");
    HttpResponse<String> beyond = web.get("/authors/zoe%20o%20brien%20smith?page=3");
    assertEquals(404, beyond.statusCode());
    assertTrue(beyond.body().contains("has 2 pages"), beyond.body());
    HttpResponse<String> bad = web.get("/authors/zoe%20o%20brien%20smith?page=two");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("page must be a whole number"), bad.body());
  }

  @Test
  void coauthorsComeMostFrequentFirstAndOrganisationsLinkToTheirPages() {
    String page = web.get("/authors/zoe%20o%20brien%20smith").body();
    List<String> people = matches(page, "<li><a href=\"(/authors/[^\"]+)\"");
    assertFalse(people.isEmpty());
    assertEquals("/authors/pietro%20lio", people.get(0), "24 papers together, the others 1");
    assertTrue(people.contains("/authors/a%20b%20tester"), "a slash in a name is folded away");
    assertEquals("/orgs/odd%20lab%2F%C3%BC", link(page, "Odd &lt;b&gt;Lab&lt;/b&gt;"));
  }

  @Test
  void namesAreEscapedWherePeopleAppear() {
    String paper = web.get("/papers/2607.00007").body();
    String href = link(paper, "&lt;script&gt;alert(1)&lt;/script&gt; Mallory");
    assertEquals("/authors/script%20alert%201%20script%20mallory", href);
    String page = web.get(href).body();
    assertFalse(page.contains("<script>alert(1)"), page);
    assertTrue(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Mallory</h1>"), page);
    assertFalse(web.get("/orgs/odd%20lab%2F%C3%BC").body().contains("<b>Lab</b>"));
  }

  @Test
  void unknownPeopleAreNotFoundWithAMessage() {
    HttpResponse<String> author = web.get("/authors/Nobody%20Atall");
    assertEquals(404, author.statusCode());
    assertTrue(
        author.body().contains("No paper here lists an author named 'Nobody Atall'."),
        author.body());
    HttpResponse<String> marks = web.get("/authors/%E2%80%94%20%3F");
    assertEquals(404, marks.statusCode(), "a name without letters is nobody's");
    HttpResponse<String> org = web.get("/orgs/no-such-org");
    assertEquals(404, org.statusCode());
    assertTrue(org.body().contains("claimed by an organisation 'no-such-org'"), org.body());
    HttpResponse<String> evil = web.get("/authors/%3Cscript%3Ex%3C%2Fscript%3E%20y");
    assertFalse(evil.body().contains("<script>x"), evil.body());
  }

  @Test
  void anOrganisationShowsItsPapersByDayItsTopPapersAndItsAuthors() {
    String google = web.get("/orgs/google").body();
    assertTrue(google.contains("<h1>Google</h1>"), google);
    assertTrue(google.contains("<a href=\"/papers/date/2026-08-21\">21 Aug 2026</a>"), google);
    assertTrue(cards(google).contains("2608.19880"));
    assertEquals("/authors/chengsong%20huang", link(google, "Chengsong Huang"));
    assertTrue(google.contains("<span class=\"avatar\" aria-hidden=\"true\">G</span>"), google);
    assertFalse(
        google.matches("(?s).*<img[^>]+src=\"https?:.*"),
        "the page's content policy allows only this site's images, so none is hotlinked");

    HttpResponse<String> odd = web.get("/orgs/odd%20lab%2F%C3%BC");
    assertEquals(200, odd.statusCode(), odd.body());
    List<String> days = matches(odd.body(), "<h3 class=\"day\"><a href=\"/papers/date/([^\"]+)\"");
    assertFalse(days.isEmpty());
    assertEquals(days.stream().sorted(java.util.Comparator.reverseOrder()).toList(), days);
    List<String> shown = cards(odd.body());
    assertEquals(
        List.of("2607.00025", "2607.00024", "2607.00023", "2607.00022", "2607.00021"),
        shown.subList(0, 5),
        "the five most upvoted first");
    assertEquals(25, shown.size(), "five top papers and a page of twenty");
    assertEquals(5, cards(web.get("/orgs/odd%20lab%2F%C3%BC?page=2").body()).size());
    assertEquals(404, web.get("/orgs/odd%20lab%2F%C3%BC?page=3").statusCode());
    List<String> members = matches(odd.body(), "<li><a href=\"(/authors/[^\"]+)\"");
    assertFalse(members.isEmpty());
    assertEquals("/authors/zoe%20o%20brien%20smith", members.get(0));
  }

  @Test
  void theSamePeopleComeAsJsonUnderApi() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    HttpResponse<String> res = web.get("/api/authors/Zoe%20O'Brien%20Smith?limit=5&p=1");
    assertEquals(200, res.statusCode(), res.body());
    var author = json.readTree(res.body());
    assertEquals("Zoë O'Brien-Smith", author.get("name").asText());
    assertEquals("/authors/zoe%20o%20brien%20smith", author.get("url").asText());
    assertEquals(25, author.get("numPapers").asInt());
    assertEquals(5, author.get("papers").size(), "the second page of five");
    assertEquals("2607.00014", author.get("papers").get(0).get("paper").get("id").asText());
    assertEquals("Pietro Liò", author.get("coauthors").get(0).get("name").asText());
    assertEquals("odd lab/ü", author.get("organizations").get(0).get("name").asText());

    var org = json.readTree(web.get("/api/orgs/google").body());
    assertEquals("Google", org.get("fullname").asText());
    assertFalse(org.get("authors").isEmpty());
    assertEquals("2608.19880", org.get("topPapers").get(0).get("paper").get("id").asText());

    HttpResponse<String> unknown = web.get("/api/authors/nobody%20at%20all");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("\"error\""), unknown.body());
    assertEquals(400, web.get("/api/orgs/google?limit=0").statusCode());
  }
}
