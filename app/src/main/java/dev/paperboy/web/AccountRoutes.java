package dev.paperboy.web;

import dev.paperboy.community.Accounts;
import dev.paperboy.community.CommunityServices;
import dev.paperboy.community.Refusal;
import dev.paperboy.community.User;
import dev.paperboy.digest.Digests;
import dev.paperboy.digest.Subscription;
import dev.paperboy.paper.Dates;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Signing up, in and out, account settings, and each user's profile page. */
final class AccountRoutes {

  private static final int PROFILE_ITEMS = 30;

  private final CommunityServices community;
  private final Digests digests;
  private final PaperStore papers;
  private final SessionGate gate;
  private final Templates templates;
  private final Cards cards;
  private final Clock clock;
  private final Site site;

  AccountRoutes(
      CommunityServices community,
      Digests digests,
      PaperStore papers,
      SessionGate gate,
      Templates templates,
      Cards cards,
      Clock clock,
      Site site) {
    this.site = site;
    this.community = community;
    this.digests = digests;
    this.papers = papers;
    this.gate = gate;
    this.templates = templates;
    this.cards = cards;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.get("/signin", ctx -> authForm(ctx, false));
    app.get("/signup", ctx -> authForm(ctx, true));
    app.post("/signin", this::signIn);
    app.post("/signup", this::signUp);
    app.get("/signup/confirm", this::finishSignUpPage);
    app.post("/signup/confirm", this::finishSignUp);
    app.post("/signout", this::signOut);
    app.get("/settings", ctx -> settings(ctx, null, null));
    app.post("/settings/profile", this::updateProfile);
    app.post("/settings/password", this::changePassword);
    app.post("/settings/delete", this::deleteAccount);
    app.post("/settings/feed-token", this::renewFeedToken);
    app.get("/users/{user}", this::profile);
  }

  private void authForm(Context ctx, boolean signUp) {
    String next = Forms.localPath(ctx.queryParam("next"), "/");
    if (SessionGate.viewer(ctx).signedIn()) {
      Forms.redirect(ctx, next);
      return;
    }
    templates.page(ctx, "auth.jte", new AuthView(signUp, "", "", next, null));
  }

  private void signIn(Context ctx) {
    String email = Forms.field(ctx, "email");
    String next = Forms.localPath(ctx.formParam("next"), "/");
    try {
      gate.signedIn(
          ctx,
          community
              .accounts()
              .signIn(
                  email, Forms.field(ctx, "password"), ctx.ip(), gate.trustedDevice(ctx, email)));
      Forms.redirect(ctx, next);
    } catch (Refusal r) {
      refused(ctx, r);
      templates.page(ctx, "auth.jte", new AuthView(false, email, "", next, r.getMessage()));
    }
  }

  private void signUp(Context ctx) {
    String email = Forms.field(ctx, "email");
    String name = Forms.field(ctx, "name");
    String next = Forms.localPath(ctx.formParam("next"), "/");
    try {
      community.signUps().start(email, name, Forms.field(ctx, "password"), ctx.ip());
    } catch (Refusal r) {
      refused(ctx, r);
      templates.page(ctx, "auth.jte", new AuthView(true, email, name, next, r.getMessage()));
      return;
    }
    // the same answer whether or not the address has an account: nobody learns who is here
    message(
        ctx,
        "Check your inbox",
        "A mail to "
            + email.strip()
            + " has the link that finishes your sign-up; it works for 24 hours. If the address"
            + " has an account already, the mail says so.");
  }

  /** The link in the sign-up mail shows a button: a mail scanner opening it creates nothing. */
  private void finishSignUpPage(Context ctx) {
    String token = ctx.queryParam("t");
    var pending = community.signUps().pending(token);
    if (pending.isEmpty()) {
      ctx.status(400);
      message(
          ctx,
          "This link does not work",
          "The sign-up link has expired or was used already. Sign up again for a fresh one.");
      return;
    }
    templates.page(
        ctx,
        "confirm.jte",
        new ConfirmView(
            "Finish signing up",
            "Create the account "
                + pending.get().email()
                + " as "
                + pending.get().displayName()
                + ".",
            "/signup/confirm",
            Map.of("t", token),
            "Create my account",
            "/",
            "Not now"));
  }

  private void finishSignUp(Context ctx) {
    Accounts accounts = community.accounts();
    User user = community.signUps().finish(Forms.field(ctx, "t"));
    gate.signedIn(ctx, accounts.startSession(user));
    Forms.redirect(ctx, "/");
  }

  static void message(Templates templates, Context ctx, String title, String text) {
    templates.page(ctx, "message.jte", new MessageView(title, text, "/", "Back to today's papers"));
  }

  private void message(Context ctx, String title, String text) {
    templates.page(ctx, "message.jte", new MessageView(title, text, "/", "Back to today's papers"));
  }

  private void signOut(Context ctx) {
    gate.signedOut(ctx);
    Forms.redirect(ctx, "/");
  }

  /** Sets the status (and Retry-After) a refusal calls for, before the form is shown again. */
  static void refused(Context ctx, Refusal r) {
    ctx.status(r.kind().status());
    if (r.retryAfter() != null) {
      ctx.header("Retry-After", Long.toString(Math.max(1, r.retryAfter().toSeconds())));
    }
  }

  private void settings(Context ctx, String message, String error) {
    settings(ctx, SessionGate.requireUser(ctx), message, error);
  }

  private void settings(Context ctx, User user, String message, String error) {
    Subscription digest = digests.subscriptions().findByEmail(user.email()).orElse(null);
    templates.page(
        ctx,
        "settings.jte",
        new SettingsView(
            user,
            message,
            error,
            digest,
            digest == null ? null : digests.subscriptions().links().managePath(digest),
            community.feedTokens().of(user).map(this::privateFeedUrl).orElse(null)));
  }

  private String privateFeedUrl(String token) {
    return site.absolute(FeedRoutes.privatePath(FeedFormat.RSS, token));
  }

  /** Makes the private feed address, or a new one: whoever had the old one loses it. */
  private void renewFeedToken(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    boolean had = community.feedTokens().of(user).isPresent();
    community.feedTokens().renew(user);
    settings(
        ctx,
        user,
        had
            ? "Your private feed has a new address; the old one no longer works."
            : "Your private feed is ready: add its address to your feed reader.",
        null);
  }

  private void updateProfile(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    try {
      User updated =
          community
              .accounts()
              .updateProfile(user, Forms.field(ctx, "name"), Forms.checked(ctx, "votes_public"));
      settings(ctx, updated, "Profile saved.", null);
    } catch (Refusal r) {
      refused(ctx, r);
      settings(ctx, null, r.getMessage());
    }
  }

  private void changePassword(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    try {
      community
          .accounts()
          .changePassword(
              user,
              Forms.field(ctx, "current"),
              Forms.field(ctx, "password"),
              SessionGate.sessionToken(ctx));
      settings(ctx, "Password changed. Your other sessions were signed out.", null);
    } catch (Refusal r) {
      refused(ctx, r);
      settings(ctx, null, r.getMessage());
    }
  }

  private void deleteAccount(Context ctx) {
    User user = SessionGate.requireUser(ctx);
    try {
      community.accounts().delete(user, Forms.field(ctx, "password"));
      gate.signedOut(ctx);
      templates.page(
          ctx,
          "message.jte",
          new MessageView(
              "Account deleted",
              "Your account, votes, collections and comments are gone. Papers you submitted stay"
                  + " on the feed.",
              "/",
              "Back to today's papers"));
    } catch (Refusal r) {
      refused(ctx, r);
      settings(ctx, null, r.getMessage());
    }
  }

  private void profile(Context ctx) {
    long id = Forms.longPath(ctx, "user");
    User user =
        community
            .accounts()
            .find(id)
            .orElseThrow(() -> new NotFoundResponse("There is no user " + id + "."));
    Viewer viewer = SessionGate.viewer(ctx);
    boolean self = viewer.signedIn() && viewer.user().id() == id;
    List<CardView> submitted =
        cards.of(
            viewer,
            visible(
                community.submissions().byUser(id, PROFILE_ITEMS).stream()
                    .map(s -> s.paperId())
                    .toList()));
    List<CardView> upvoted =
        user.votesPublic() || self
            ? cards.of(viewer, visible(community.votes().upvotedBy(id, PROFILE_ITEMS)))
            : null;
    var comments = community.comments().byUser(id, PROFILE_ITEMS);
    Map<String, Paper> commented =
        papers.findAll(comments.stream().map(c -> c.paperId()).distinct().toList()).stream()
            .collect(Collectors.toMap(Paper::id, Function.identity()));
    templates.page(
        ctx,
        "profile.jte",
        new ProfileView(
            user,
            self,
            Dates.day(user.createdAt()),
            submitted,
            upvoted,
            comments.stream()
                .filter(c -> commented.containsKey(c.paperId()))
                .map(
                    c ->
                        new ProfileView.ProfileComment(
                            c.paperId(),
                            commented.get(c.paperId()).title(),
                            community.comments().render(c.body()),
                            Format.ago(c.createdAt(), clock.instant())))
                .toList(),
            community.collections().ofUser(id, viewer.user())));
  }

  private List<Paper> visible(List<String> ids) {
    return papers.findAll(ids).stream().filter(p -> !p.hidden()).toList();
  }
}
