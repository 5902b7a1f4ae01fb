package dev.paperboy.web;

import dev.paperboy.community.Accounts;
import dev.paperboy.community.User;
import dev.paperboy.storage.Secret;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: finds the signed-in user from the session cookie, gives every visitor
 * a CSRF token, and refuses any state-changing request that does not carry it.
 *
 * <p>The CSRF token is a signed double-submit cookie: a random nonce plus this installation's HMAC
 * of it and of the session it belongs to, in an HttpOnly SameSite=Lax cookie; forms echo it in
 * {@code _csrf}, scripts in the {@code X-CSRF-Token} header. Another site can neither read the
 * cookie nor forge a signed one, and a token made for one session (a planted cookie) is worthless
 * in another. The {@code Origin} header, when a browser sends it, must be this site too. Signing in
 * or out rotates the token.
 *
 * <p>A state-changing request must carry, besides the token, the cookie it matches: the token sent
 * is compared with the cookie sent, never with one issued now. So the token that all signed-out
 * visitors share ({@link #anonymousToken()}, which lets their pages be rendered once for all of
 * them) protects as a random one would: a cross-site form cannot make the browser send the SameSite
 * cookie, and a signed-out visitor has no session to ride anyway. Signed-in sessions get random
 * tokens bound to the session.
 *
 * <p>A browser that signed into an account gets a signed device cookie naming it: sign-in attempts
 * from that browser skip the per-account limit on unknown browsers, so a guesser spread over many
 * addresses slows down everyone but the owner.
 */
final class SessionGate {

  static final String SESSION_COOKIE = "pb_session";
  static final String CSRF_COOKIE = "pb_csrf";
  static final String DEVICE_COOKIE = "pb_device";
  private static final int DEVICE_LIFETIME_SECONDS = 365 * 24 * 3600;
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String VIEWER = "paperboy.viewer";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String CSRF_REFUSAL =
      "This form has expired or was sent from another site (its security token is missing or"
          + " wrong). Reload the page and try again.";

  private final Accounts accounts;
  private final Secret secret;
  private final boolean secure;
  private final SecureRandom random = new SecureRandom();
  private final String anonymousToken;

  SessionGate(Accounts accounts, Secret secret, boolean secure) {
    this.accounts = accounts;
    this.secret = secret;
    this.secure = secure;
    String nonce = "anon" + secret.sign("csrf-anonymous-nonce").substring(0, 20);
    this.anonymousToken = nonce + "." + secret.sign(csrfText(nonce, null));
  }

  /** The form token of every visitor without a session: the same on every node. */
  String anonymousToken() {
    return anonymousToken;
  }

  void register(Javalin app) {
    app.before(this::admit);
  }

  private void admit(Context ctx) {
    if (ctx.path().startsWith("/static/") || OpsRoutes.PATHS.contains(ctx.path())) {
      return;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    User user = accounts.userForSession(session).orElse(null);
    String sentCookie = ctx.cookie(CSRF_COOKIE);
    boolean cookieValid =
        session == null && anonymousToken.equals(sentCookie) || validToken(sentCookie, session);
    String csrf = sentCookie;
    if (session == null ? !anonymousToken.equals(sentCookie) : !cookieValid) {
      csrf = newToken(session);
      setCookie(ctx, CSRF_COOKIE, csrf, -1);
    }
    String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    ctx.attribute(VIEWER, new Viewer(user, csrf, path, Theme.of(ctx)));
    // a mail program's one-click unsubscribe (RFC 8058) carries no cookie; its URL is signed
    boolean oneClick = ctx.path().equals(DigestRoutes.UNSUBSCRIBE);
    if (!SAFE_METHODS.contains(ctx.method().name()) && !oneClick) {
      checkOrigin(ctx);
      String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> formToken(ctx));
      if (sent == null
          || !cookieValid
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), sentCookie.getBytes(StandardCharsets.UTF_8))) {
        throw new ForbiddenResponse(CSRF_REFUSAL);
      }
    }
  }

  private static String formToken(Context ctx) {
    // multipart bodies never get here (RequestChecks refuses them)
    String type = ctx.contentType();
    boolean form = type != null && type.startsWith("application/x-www-form-urlencoded");
    return form ? ctx.formParam(CSRF_FIELD) : null;
  }

  /** A browser's Origin header names the site that made the request; it must be this one. */
  private static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return; // not a browser, or a same-origin GET-like request: the token check still applies
    }
    String host = ctx.header("Host");
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      if (host == null || !host.equalsIgnoreCase(originHost)) {
        throw new ForbiddenResponse(CSRF_REFUSAL);
      }
    } catch (IllegalArgumentException e) {
      throw new ForbiddenResponse(CSRF_REFUSAL);
    }
  }

  static Viewer viewer(Context ctx) {
    Viewer v = ctx.attribute(VIEWER);
    return v != null ? v : new Viewer(null, "", ctx.path(), Theme.of(ctx));
  }

  /** The signed-in user, or a 401 that the error mapper turns into a sign-in prompt. */
  static User requireUser(Context ctx) {
    User user = viewer(ctx).user();
    if (user == null) {
      throw new UnauthorizedResponse("Sign in first.");
    }
    return user;
  }

  /** Sets the session cookie for a new sign-in and rotates the CSRF token. */
  void signedIn(Context ctx, Accounts.SignedIn session) {
    setCookie(ctx, SESSION_COOKIE, session.token(), (int) Accounts.SESSION_LIFETIME.toSeconds());
    setCookie(ctx, CSRF_COOKIE, newToken(session.token()), -1);
    String nonce = nonce();
    setCookie(
        ctx,
        DEVICE_COOKIE,
        nonce + "." + secret.sign(deviceText(session.user().email(), nonce)),
        DEVICE_LIFETIME_SECONDS);
  }

  void signedOut(Context ctx) {
    accounts.signOut(ctx.cookie(SESSION_COOKIE));
    setCookie(ctx, SESSION_COOKIE, "", 0);
    setCookie(ctx, CSRF_COOKIE, newToken(null), -1);
  }

  /** Whether this browser signed into the account with this email before. */
  boolean trustedDevice(Context ctx, String email) {
    String cookie = ctx.cookie(DEVICE_COOKIE);
    if (cookie == null || cookie.length() > 200 || email == null) {
      return false;
    }
    int dot = cookie.indexOf('.');
    return dot > 0
        && secret.verify(
            deviceText(email.strip().toLowerCase(Locale.ROOT), cookie.substring(0, dot)),
            cookie.substring(dot + 1));
  }

  private static String deviceText(String email, String nonce) {
    return "device:" + email + ":" + nonce;
  }

  static String sessionToken(Context ctx) {
    return ctx.cookie(SESSION_COOKIE);
  }

  private void setCookie(Context ctx, String name, String value, int maxAge) {
    ctx.cookie(new Cookie(name, value, "/", maxAge, secure, 0, true, null, null, SameSite.LAX));
  }

  /** A CSRF token for the session cookie {@code session} (null when signed out). */
  private String newToken(String session) {
    if (session == null) {
      return anonymousToken;
    }
    String n = nonce();
    return n + "." + secret.sign(csrfText(n, session));
  }

  private boolean validToken(String token, String session) {
    if (token == null || token.length() > 200) {
      return false;
    }
    int dot = token.indexOf('.');
    return dot > 0
        && secret.verify(csrfText(token.substring(0, dot), session), token.substring(dot + 1));
  }

  private static String csrfText(String nonce, String session) {
    return "csrf:" + nonce + ":" + (session == null ? "" : session);
  }

  private String nonce() {
    byte[] nonce = new byte[18];
    random.nextBytes(nonce);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
  }
}
