package dev.paperboy.web;

import dev.paperboy.observe.Metrics;
import dev.paperboy.observe.Observability;
import dev.paperboy.observe.Readiness;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Set;

/**
 * What operators and their tools ask: {@code /healthz} (the process answers), {@code /readyz} (the
 * database and the search index answer too, with how far the index and the embeddings lag) and
 * {@code /metrics} (Prometheus, for this machine or the bearer token). None of them looks at
 * sessions or cookies.
 */
final class OpsRoutes {

  static final String HEALTH = "/healthz";
  static final String READY = "/readyz";
  static final String METRICS = "/metrics";

  /** The paths the session gate lets through untouched. */
  static final Set<String> PATHS = Set.of(HEALTH, READY, METRICS);

  private final Observability observe;

  OpsRoutes(Observability observe) {
    this.observe = observe;
  }

  void register(Javalin app) {
    app.get(HEALTH, ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
    app.get(READY, this::ready);
    app.get(METRICS, this::metrics);
  }

  private void ready(Context ctx) {
    Readiness.Report report = observe.readiness();
    ctx.header("Cache-Control", "no-store");
    ctx.status(report.ready() ? 200 : 503);
    ApiJson.send(ctx, report);
  }

  private void metrics(Context ctx) {
    boolean proxied =
        ctx.header("X-Forwarded-For") != null
            || ctx.header("Forwarded") != null
            || ctx.header("X-Real-IP") != null;
    observe
        .metricsRefusal(ctx.req().getRemoteAddr(), proxied, ctx.header("Authorization"))
        .ifPresent(
            refusal -> {
              throw new ForbiddenResponse(refusal);
            });
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(Metrics.CONTENT_TYPE).result(observe.scrape());
  }
}
