package dev.paperboy.web;

import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.People;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Author and organisation pages, reached from every name on a card or a paper page. */
final class PeopleRoutes {

  static final int PAPERS_PER_PAGE = 20;
  static final int PEOPLE_SHOWN = 24;
  static final int ORGS_SHOWN = 12;
  static final int TOP_PAPERS = 5;

  private final People people;
  private final Templates templates;
  private final Cards cards;
  private final Site site;
  private final FollowButtons follows;

  PeopleRoutes(People people, Templates templates, Cards cards, Site site, FollowButtons follows) {
    this.site = site;
    this.follows = follows;
    this.people = people;
    this.templates = templates;
    this.cards = cards;
  }

  void register(Javalin app) {
    app.get("/authors/{name}", this::author);
    app.get("/orgs/{name}", this::org);
    app.get("/api/authors/{name}", this::authorJson);
    app.get("/api/orgs/{name}", this::orgJson);
  }

  /** The author the path names, in any spelling; a 404 saying so when no paper lists them. */
  static People.Author author(People people, String asked) {
    return people
        .author(AuthorKey.fold(asked))
        .orElseThrow(
            () ->
                new NotFoundResponse(
                    "No paper here lists an author named '" + Params.clip(asked) + "'."));
  }

  /** The organisation with the path's handle; a 404 saying so when it claims no paper. */
  static People.Org org(People people, String handle) {
    return people
        .organization(handle)
        .orElseThrow(
            () ->
                new NotFoundResponse(
                    "No paper here is claimed by an organisation '" + Params.clip(handle) + "'."));
  }

  private void author(Context ctx) {
    People.Author author = author(people, ctx.pathParam("name"));
    String key = author.key();
    Pager pager =
        Pager.of(ctx, NameLink.authorHref(key), author.papers(), PAPERS_PER_PAGE, author.name());
    List<Paper> papers = people.papersBy(key, pager.offset(PAPERS_PER_PAGE), PAPERS_PER_PAGE);
    List<CardView> shown = cards.of(SessionGate.viewer(ctx), papers);
    List<AuthorView.Counted> coauthors = counted(people.coauthors(key, PEOPLE_SHOWN));
    templates.page(
        ctx,
        "author.jte",
        new AuthorView(
            author.name(),
            Format.plural(author.papers(), "paper", "papers"),
            shown,
            coauthors,
            people.organizationsOf(key, ORGS_SHOWN).stream()
                .map(
                    o ->
                        new AuthorView.Counted(
                            NameLink.org(o.organization()), together(o.papers())))
                .toList(),
            pager,
            preview(
                author.name(),
                Format.plural(author.papers(), "paper", "papers")
                    + " by "
                    + author.name()
                    + (coauthors.isEmpty()
                        ? ""
                        : ", with "
                            + String.join(
                                ", ",
                                coauthors.stream().limit(5).map(c -> c.link().name()).toList())),
                NameLink.authorHref(key),
                shown,
                "profile"),
            follows.author(SessionGate.viewer(ctx), key, author.name())));
  }

  /** A link preview of a people page: its newest paper's image, if any. */
  private Preview preview(
      String title, String description, String path, List<CardView> shown, String type) {
    String image =
        shown.stream().map(CardView::thumbnailHref).filter(h -> h != null).findFirst().orElse(null);
    return site.preview(title, description, path, image, type);
  }

  private void org(Context ctx) {
    String handle = ctx.pathParam("name");
    People.Org org = org(people, handle);
    String name = org.organization().displayName();
    Pager pager = Pager.of(ctx, NameLink.orgHref(handle), org.papers(), PAPERS_PER_PAGE, name);
    Viewer viewer = SessionGate.viewer(ctx);
    List<Paper> papers = people.papersOf(handle, pager.offset(PAPERS_PER_PAGE), PAPERS_PER_PAGE);
    List<CardView> top =
        pager.page() == 1 ? cards.of(viewer, people.topPapersOf(handle, TOP_PAPERS)) : List.of();
    templates.page(
        ctx,
        "org.jte",
        new OrgView(
            name,
            handle,
            Format.initials(name),
            Format.plural(org.papers(), "paper", "papers"),
            byDay(viewer, papers),
            top,
            counted(people.membersOf(handle, PEOPLE_SHOWN)),
            pager,
            preview(
                name,
                Format.plural(org.papers(), "paper", "papers")
                    + " from "
                    + name
                    + (top.isEmpty()
                        ? ""
                        : ": " + String.join("; ", top.stream().map(CardView::title).toList())),
                NameLink.orgHref(handle),
                top,
                "website"),
            follows.organization(viewer, handle, name)));
  }

  /** The cards under day headings, in the order the papers came (latest day first). */
  private List<OrgView.Day> byDay(Viewer viewer, List<Paper> papers) {
    List<CardView> all = cards.of(viewer, papers);
    Map<LocalDate, List<CardView>> days = new LinkedHashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      days.computeIfAbsent(papers.get(i).dailyDate(), d -> new ArrayList<>()).add(all.get(i));
    }
    List<OrgView.Day> out = new ArrayList<>();
    days.forEach(
        (day, onDay) ->
            out.add(
                new OrgView.Day(
                    day == null ? "Not on a Daily Papers day" : Dates.day(day),
                    day == null ? null : "/papers/date/" + day,
                    onDay)));
    return out;
  }

  private static List<AuthorView.Counted> counted(List<People.Author> authors) {
    return authors.stream()
        .map(
            a ->
                new AuthorView.Counted(
                    new NameLink(
                        Objects.requireNonNullElse(a.name(), a.key()),
                        NameLink.authorHref(a.key())),
                    together(a.papers())))
        .toList();
  }

  private static String together(int papers) {
    return Format.plural(papers, "paper", "papers");
  }

  /** A named person or organisation in JSON, its page address and how many papers it counts. */
  record PersonJson(String name, String url, int numPapers) {}

  record AuthorJson(
      String name,
      String url,
      int numPapers,
      List<PersonJson> coauthors,
      List<PersonJson> organizations,
      List<ApiJson.DailyPaperJson> papers) {}

  record OrgJson(
      String name,
      String fullname,
      String avatar,
      String url,
      int numPapers,
      List<PersonJson> authors,
      List<ApiJson.DailyPaperJson> topPapers,
      List<ApiJson.DailyPaperJson> papers) {}

  /** The author page's content; {@code p} (from 0) and {@code limit} page the papers. */
  private void authorJson(Context ctx) {
    People.Author a = author(people, ctx.pathParam("name"));
    int limit = ApiCatalog.PEOPLE_LIMIT.intIn(ctx);
    int offset = ApiCatalog.PAGE.intIn(ctx) * limit;
    ApiJson.send(
        ctx,
        new AuthorJson(
            a.name(),
            NameLink.authorHref(a.key()),
            a.papers(),
            people(people.coauthors(a.key(), PEOPLE_SHOWN)),
            people.organizationsOf(a.key(), ORGS_SHOWN).stream()
                .map(
                    o ->
                        new PersonJson(
                            o.organization().name(),
                            NameLink.orgHref(o.organization().name()),
                            o.papers()))
                .toList(),
            json(people.papersBy(a.key(), offset, limit))));
  }

  private void orgJson(Context ctx) {
    String handle = ctx.pathParam("name");
    People.Org org = org(people, handle);
    int limit = ApiCatalog.PEOPLE_LIMIT.intIn(ctx);
    int offset = ApiCatalog.PAGE.intIn(ctx) * limit;
    ApiJson.send(
        ctx,
        new OrgJson(
            handle,
            org.organization().fullname(),
            org.organization().avatar(),
            NameLink.orgHref(handle),
            org.papers(),
            people(people.membersOf(handle, PEOPLE_SHOWN)),
            json(people.topPapersOf(handle, TOP_PAPERS)),
            json(people.papersOf(handle, offset, limit))));
  }

  private static List<PersonJson> people(List<People.Author> authors) {
    return authors.stream()
        .map(a -> new PersonJson(a.name(), NameLink.authorHref(a.key()), a.papers()))
        .toList();
  }

  private static List<ApiJson.DailyPaperJson> json(List<Paper> papers) {
    return papers.stream().map(ApiJson::dailyPaper).toList();
  }
}
