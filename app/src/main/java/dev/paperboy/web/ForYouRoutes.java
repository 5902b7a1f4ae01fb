package dev.paperboy.web;

import dev.paperboy.community.User;
import dev.paperboy.feed.FeedService;
import dev.paperboy.feed.ForYouFeed;
import dev.paperboy.feed.Period;
import dev.paperboy.paper.Paper;
import dev.paperboy.recommend.Profile;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * "For you": a period's papers ranked for the signed-in reader, each card saying why, as a page at
 * {@code /for-you} and as JSON at {@code /api/for-you} (a session's, never anyone else's).
 */
final class ForYouRoutes {

  static final int SHOWN = 50;

  private final ForYouFeed forYou;
  private final FeedService feeds;
  private final Templates templates;
  private final Cards cards;

  ForYouRoutes(ForYouFeed forYou, FeedService feeds, Templates templates, Cards cards) {
    this.forYou = forYou;
    this.feeds = feeds;
    this.templates = templates;
    this.cards = cards;
  }

  void register(Javalin app) {
    app.get("/for-you", this::page);
    app.get("/api/for-you", this::json);
  }

  /** A ranked paper with its reasons, the API's paper JSON beside them. */
  record PickJson(ApiJson.DailyPaperJson paper, List<String> reasons) {}

  private void page(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    Period period = ApiRoutes.period(ctx, feeds);
    Profile profile = forYou.profiles().of(user.id());
    List<ForYouFeed.Pick> picks = forYou.rank(profile, period.from(), period.to(), SHOWN);
    List<CardView> plain =
        cards.of(SessionGate.viewer(ctx), picks.stream().map(ForYouFeed.Pick::paper).toList());
    List<CardView> shown = new ArrayList<>(plain.size());
    for (int i = 0; i < picks.size(); i++) {
      shown.add(plain.get(i).withReasons(reasons(picks.get(i))));
    }
    templates.page(ctx, "foryou.jte", ForYouView.of(period, shown, profile.isCold()));
  }

  private void json(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    Period period = ApiRoutes.period(ctx, feeds);
    int limit = ApiCatalog.FOR_YOU_LIMIT.intIn(ctx);
    List<PickJson> out = new ArrayList<>();
    for (ForYouFeed.Pick pick : forYou.rank(user.id(), period.from(), period.to(), limit)) {
      Paper p = pick.paper();
      out.add(
          new PickJson(
              ApiJson.dailyPaper(p), pick.reasons().stream().map(ForYouFeed::words).toList()));
    }
    ApiJson.send(ctx, out);
  }

  private static List<ReasonView> reasons(ForYouFeed.Pick pick) {
    return pick.reasons().stream().map(ReasonView::of).toList();
  }
}
