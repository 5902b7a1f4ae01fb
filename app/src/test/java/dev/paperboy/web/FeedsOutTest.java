package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.App;
import dev.paperboy.TestApps;
import dev.paperboy.community.PaperCollections;
import dev.paperboy.community.Role;
import dev.paperboy.community.User;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.TestPapers;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every list page as RSS, Atom and JSON Feed, read back by a real feed parser (ROME) and by
 * Jackson, on two real Hugging Face days plus a few papers with categories, code and TeX.
 */
class FeedsOutTest {

  static final LocalDate DAY = LocalDate.of(2026, 8, 21);

  @TempDir static Path dir;
  static App app;
  static WebClient web;
  static String base;
  static long publicCollection;
  static long privateCollection;

  @BeforeAll
  static void start() {
    app = TestApps.serving(dir, "web/2026-08-20.json", "web/2026-08-21.json");
    base = TestApps.baseUrl(app);
    web = new WebClient(base);
    app.papers()
        .upsert(
            List.of(
                paper("2608.90001", "Attention for $\\alpha$-divergences", 7, "cs.CL", true),
                paper("2608.90002", "Tokenisers & <b>their</b> kin", 2, "cs.CL", false),
                paper("2608.90003", "A vision paper", 1, "cs.CV", false)));
    User owner =
        app.community().accounts().create("k@example.org", "Keeper", "pw-pw-pw-pw-1", Role.USER);
    PaperCollections.Collection shared =
        app.community().collections().create(owner, "Reading group", "", true);
    app.community().collections().add(owner, shared.id(), "2608.19880");
    app.community().collections().add(owner, shared.id(), "2608.90001");
    publicCollection = shared.id();
    privateCollection = app.community().collections().create(owner, "Mine", "", false).id();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Paper paper(String id, String title, long upvotes, String category, boolean code) {
    return TestPapers.daily(
        id,
        1,
        title,
        "We bound $\\mathcal{O}(n^2)$ costs & show <i>markup</i> stays text.",
        DAY,
        upvotes,
        null,
        List.of("Ada Lovelace", "Grace Hopper"),
        List.of(category, "cs.LG"),
        code ? "https://github.com/example/" + id : null);
  }

  /** The page's cards, each once, in the order shown. */
  static List<String> cards(String html) {
    return PeoplePagesTest.matches(html, "data-paper-id=\"([^\"]+)\"").stream().distinct().toList();
  }

  /** The feed the page announces in its head for this type. */
  static String discovered(String html, String type) {
    List<String> hrefs =
        PeoplePagesTest.matches(
            html,
            "<link rel=\"alternate\" type=\"" + Pattern.quote(type) + "\"[^>]*href=\"([^\"]+)\"");
    assertEquals(1, hrefs.size(), type + " autodiscovery in " + html);
    return hrefs.get(0).replace("&amp;", "&");
  }

  static SyndFeed parse(String path) {
    HttpResponse<String> res = web.get(path);
    assertEquals(200, res.statusCode(), path + ": " + res.body());
    try {
      return new SyndFeedInput().build(new StringReader(res.body()));
    } catch (Exception e) {
      throw new AssertionError(path + " does not parse: " + e + "\n" + res.body(), e);
    }
  }

  static List<String> ids(SyndFeed feed) {
    return feed.getEntries().stream().map(e -> idOf(e.getLink())).toList();
  }

  static String idOf(String link) {
    assertTrue(link.startsWith(base + "/papers/"), "an absolute Paperboy link: " + link);
    return link.substring((base + "/papers/").length());
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> res = web.get(path);
    assertEquals(200, res.statusCode(), path + ": " + res.body());
    return new ObjectMapper().readTree(res.body());
  }

  /** Each page's RSS and Atom feeds list the papers the page shows, in its order. */
  @Test
  void everyListPagesFeedsListThePapersItShows() throws Exception {
    String collection = "/collections/" + publicCollection;
    for (String page :
        List.of(
            "/",
            "/papers/date/2026-08-21",
            "/papers/week/2026-W34",
            "/papers/month/2026-08",
            "/papers/trending",
            "/search?q=agents&sort=upvotes",
            "/authors/ada%20lovelace",
            collection)) {
      String html = web.get(page).body();
      List<String> shown = cards(html);
      assertFalse(shown.isEmpty(), page + " shows papers");
      for (String type : List.of("application/rss+xml", "application/atom+xml")) {
        SyndFeed feed = parse(discovered(html, type));
        List<String> listed = ids(feed);
        assertFalse(listed.isEmpty(), page + " " + type);
        int n = Math.min(shown.size(), listed.size());
        assertEquals(shown.subList(0, n), listed.subList(0, n), page + " " + type);
        for (SyndEntry e : feed.getEntries()) {
          String id = idOf(e.getLink());
          assertEquals("https://arxiv.org/abs/" + id, e.getUri(), "a stable GUID");
          assertEquals(RichText.plain(app.papers().find(id).orElseThrow().title()), e.getTitle());
        }
      }
      JsonNode jf = json(discovered(html, "application/feed+json"));
      assertEquals("https://jsonfeed.org/version/1.1", jf.get("version").asText());
      List<String> items = new ArrayList<>();
      jf.get("items").forEach(i -> items.add(idOf(i.get("url").asText())));
      assertFalse(items.isEmpty(), page + " JSON Feed");
      int n = Math.min(shown.size(), items.size());
      assertEquals(shown.subList(0, n), items.subList(0, n), page + " JSON Feed");
      assertEquals(
          "https://arxiv.org/abs/" + items.get(0), jf.get("items").get(0).get("id").asText());
    }
  }

  @Test
  void anOrganisationsFeedHoldsThePapersOnItsPage() {
    String html = web.get("/orgs/google").body();
    List<String> shown = cards(html);
    assertFalse(shown.isEmpty());
    List<String> listed = ids(parse(discovered(html, "application/atom+xml")));
    assertTrue(listed.containsAll(shown), listed + " holds " + shown);
  }

  @Test
  void anItemCarriesAuthorsPlainAbstractCategoriesDateAndUpvotes() {
    SyndFeed feed = parse("/feeds/atom/papers/date/2026-08-21?cat=cs.CL");
    assertEquals(
        List.of(base + "/papers/date/2026-08-21"),
        feed.getLinks().stream()
            .filter(l -> "alternate".equals(l.getRel()))
            .map(com.rometools.rome.feed.synd.SyndLink::getHref)
            .toList());
    assertEquals(
        base + "/papers/date/2026-08-21",
        parse("/feeds/rss/papers/date/2026-08-21?cat=cs.CL").getLink(),
        "RSS too links the page it follows");
    SyndEntry e =
        feed.getEntries().stream()
            .filter(x -> x.getLink().endsWith("/2608.90002"))
            .findFirst()
            .orElseThrow();
    assertEquals("Tokenisers & <b>their</b> kin", e.getTitle(), "markup in a title is text");
    assertEquals(
        List.of("Ada Lovelace", "Grace Hopper"),
        e.getAuthors().stream().map(SyndPerson::getName).toList());
    assertEquals(
        List.of("cs.CL", "cs.LG"), e.getCategories().stream().map(SyndCategory::getName).toList());
    String text = e.getDescription().getValue();
    assertTrue(text.contains("costs & show <i>markup</i> stays text."), text);
    assertFalse(text.contains("$"), "TeX without its dollars: " + text);
    assertTrue(text.contains("2 upvotes"), text);
    assertEquals(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), e.getPublishedDate().toInstant());
    SyndEntry rss =
        parse("/feeds/rss/papers/date/2026-08-21?cat=cs.CL").getEntries().stream()
            .filter(x -> x.getLink().endsWith("/2608.90002"))
            .findFirst()
            .orElseThrow();
    com.rometools.rome.feed.module.DCModule dc =
        (com.rometools.rome.feed.module.DCModule)
            rss.getModule(com.rometools.rome.feed.module.DCModule.URI);
    assertEquals(List.of("Ada Lovelace", "Grace Hopper"), dc.getCreators(), "Dublin Core creators");
    assertTrue(rss.getDescription().getValue().contains("2 upvotes"));
  }

  @Test
  void filtersNarrowAnyFeed() {
    String day = "/feeds/rss/papers/date/2026-08-21";
    List<String> popular = ids(parse(day + "?min_upvotes=30"));
    assertEquals(
        List.of("2608.19880", "2608.18580", "2608.20335", "2608.19799", "2608.20336"), popular);
    assertEquals(List.of("2608.90001", "2608.90002"), ids(parse(day + "?cat=cs.CL")));
    List<String> withCode = ids(parse(day + "?code=1"));
    assertFalse(withCode.isEmpty());
    for (String id : withCode) {
      assertNotNull(app.papers().find(id).orElseThrow().githubRepo(), id + " has code");
    }
    assertFalse(withCode.contains("2608.13120"), "a paper without code is left out");
    assertEquals(List.of("2608.90001"), ids(parse(day + "?cat=cs.CL&code=1&min_upvotes=5")));
    assertEquals(3, ids(parse(day + "?limit=3")).size());
    assertEquals(3, ids(parse("/feeds/atom/papers/trending?limit=3")).size());
  }

  @Test
  void aBadFilterIsA400SayingWhy() {
    String day = "/feeds/rss/papers/date/2026-08-21";
    for (String[] bad :
        List.of(
            new String[] {"?min_upvotes=lots", "min_upvotes must be a whole number"},
            new String[] {"?limit=101", "limit must be between 1 and 100"},
            new String[] {"?limit=0", "limit must be between 1 and 100"},
            new String[] {"?cat=%27%3B--", "cat must be an arXiv category"},
            new String[] {"?code=maybe", "code must be 1"})) {
      HttpResponse<String> res = web.get(day + bad[0]);
      assertEquals(400, res.statusCode(), bad[0]);
      assertTrue(res.body().contains(bad[1]), res.body());
    }
    assertEquals(400, web.get("/feeds/atom/papers/date/2026-13-40").statusCode());
    assertEquals(400, web.get("/feeds/atom/search").statusCode(), "a search feed needs q");
    assertEquals(400, web.get("/feeds/json/categories/not%20one").statusCode());
    assertEquals(404, web.get("/feeds/xml/papers").statusCode(), "no such format");
  }

  @Test
  void eachFormatHasItsContentType() {
    assertEquals("application/rss+xml; charset=utf-8", contentType(web.get("/feeds/rss/papers")));
    assertEquals("application/atom+xml; charset=utf-8", contentType(web.get("/feeds/atom/papers")));
    assertEquals(
        "application/feed+json; charset=utf-8", contentType(web.get("/feeds/json/papers")));
  }

  static String contentType(HttpResponse<String> res) {
    return res.headers().firstValue("Content-Type").orElse("").replace(";charset", "; charset");
  }

  @Test
  void anUnchangedFeedAnswers304AndAVoteChangesIt() throws Exception {
    String path = "/feeds/rss/papers/date/2026-08-21";
    HttpResponse<String> first = web.get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertEquals(304, conditional(path, "If-None-Match", etag).statusCode());
    assertEquals("", conditional(path, "If-None-Match", etag).body());
    assertEquals(304, conditional(path, "If-Modified-Since", modified).statusCode());
    assertEquals(
        200, conditional(path, "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT").statusCode());
    assertEquals(200, conditional(path, "If-None-Match", "\"something-else\"").statusCode());

    WebClient voter = WebClient.signedIn(app, "etagvoter", "pw-pw-pw-pw-2");
    assertEquals(200, voter.postJson("/papers/2608.90003/vote").statusCode());
    HttpResponse<String> after = conditional(path, "If-None-Match", etag);
    assertEquals(200, after.statusCode(), "a vote changes the feed");
    assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
  }

  static HttpResponse<String> conditional(String path, String header, String value)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesWithFeedsAnnounceThemAndShowTheLinks() {
    for (String page :
        List.of(
            "/", "/papers/week/2026-W34", "/papers/trending", "/search?q=agents", "/orgs/google")) {
      String html = web.get(page).body();
      assertTrue(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\""), page);
      assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), page);
      assertTrue(html.contains("<p class=\"feed-links\">"), page);
      assertTrue(html.contains(">RSS</a>") && html.contains(">Atom</a>"), page);
    }
    assertEquals(
        "/feeds/rss/papers/week/2026-W34",
        discovered(web.get("/papers/week/2026-W34?page=1").body(), "application/rss+xml"),
        "a feed is the first page");
    for (String page :
        List.of("/papers/2608.19880", "/search", "/collections/" + privateCollection, "/status")) {
      HttpResponse<String> res =
          page.contains("collections/" + privateCollection)
              ? WebClient.signedIn(app, "nofeed", "pw-pw-pw-pw-3").get(page)
              : web.get(page);
      assertFalse(res.body().contains("rel=\"alternate\" type=\"application/rss+xml\""), page);
    }
  }

  @Test
  void aCategoryFeedListsItsRecentPapersNewestFirst() {
    assertEquals(List.of("2608.90001", "2608.90002"), ids(parse("/feeds/rss/categories/cs.CL")));
    assertEquals(List.of("2608.90003"), ids(parse("/feeds/atom/categories/cs.CV")));
    assertTrue(ids(parse("/feeds/atom/categories/math.AG")).isEmpty());
  }

  @Test
  void aPrivateCollectionHasNoFeed() {
    assertEquals(404, web.get("/feeds/rss/collections/" + privateCollection).statusCode());
    assertEquals(404, web.get("/feeds/rss/collections/999999").statusCode());
  }

  @Test
  void aReadersPrivateFeedWorksUntilTheyRevokeIt() {
    WebClient reader = WebClient.signedIn(app, "feedreader", "pw-pw-pw-pw-4");
    assertEquals(200, reader.postJson("/papers/2608.90001/vote").statusCode());
    assertEquals(200, reader.postJson("/papers/2608.18580/vote").statusCode());
    assertFalse(reader.get("/settings").body().contains("/feeds/rss/private/"));

    HttpResponse<String> made = reader.post("/settings/feed-token");
    assertEquals(200, made.statusCode(), made.body());
    String url = privateUrl(made.body());
    assertEquals(url, privateUrl(reader.get("/settings").body()), "the address stays shown");
    String path = url.substring(base.length());
    HttpResponse<String> res = web.get(path);
    assertEquals(200, res.statusCode());
    assertTrue(res.headers().firstValue("Cache-Control").orElse("").startsWith("private"));
    long userId =
        app.community().accounts().findByEmail("feedreader@example.org").orElseThrow().id();
    LocalDate newest = app.papers().latestDay().orElseThrow();
    List<String> forYou =
        app.forYou().rank(userId, newest.minusDays(6), newest, 50).stream()
            .map(p -> p.paper().id())
            .toList();
    assertFalse(forYou.isEmpty());
    assertEquals(forYou, ids(parse(path)), "the reader's For-you ranking of the last week");
    List<String> inCl = ids(parse(path + "?cat=cs.CL"));
    assertFalse(inCl.isEmpty());
    assertEquals(forYou.stream().filter(inCl::contains).toList(), inCl, "filtered, same order");
    assertTrue(inCl.size() < forYou.size());
    assertEquals(200, web.get(path.replace("/rss/", "/json/")).statusCode());

    String renewed = privateUrl(reader.post("/settings/feed-token").body());
    assertNotEquals(url, renewed);
    assertEquals(404, web.get(path).statusCode(), "the old address is gone");
    assertEquals(404, web.get(path.replace("/rss/", "/atom/")).statusCode());
    assertEquals(200, web.get(renewed.substring(base.length())).statusCode());
    assertEquals(404, web.get("/feeds/rss/private/guessed-token").statusCode());
  }

  @Test
  void makingAPrivateFeedNeedsTheFormsToken() {
    WebClient reader = WebClient.signedIn(app, "forger", "pw-pw-pw-pw-5");
    HttpResponse<String> forged =
        reader.postRaw("/settings/feed-token", WebClient.form(), java.util.Map.of());
    assertEquals(403, forged.statusCode());
  }

  static String privateUrl(String settingsHtml) {
    List<String> urls =
        PeoplePagesTest.matches(settingsHtml, "id=\"private-feed-url\"[^>]*value=\"([^\"]+)\"");
    assertEquals(1, urls.size(), settingsHtml);
    assertTrue(urls.get(0).startsWith(base + "/feeds/rss/private/"), urls.get(0));
    return urls.get(0);
  }
}
