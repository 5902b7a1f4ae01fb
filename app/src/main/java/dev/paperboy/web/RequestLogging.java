package dev.paperboy.web;

import dev.paperboy.observe.HttpExchange;
import dev.paperboy.observe.Observability;
import dev.paperboy.observe.RequestIds;
import io.javalin.http.Context;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Gives every request an id (kept from a sane incoming {@code X-Request-Id}, echoed in the
 * response) and, once it is answered, hands its route template, status, time and bytes sent to the
 * metrics and the access log. The route is the template that matched ({@code /papers/{id}}), so the
 * metrics' labels stay few whatever paths people try.
 */
final class RequestLogging implements RequestLog {

  static final String HEADER = "X-Request-Id";
  private static final String STARTED = "paperboy.started";
  private static final String ID = "paperboy.request-id";
  private static final String ROUTE = "paperboy.route";

  /** The route label of static files. */
  static final String STATIC = "/static/*";

  /** The route label of requests that matched no route, or were refused before routing. */
  static final String NO_ROUTE = "none";

  private final Observability observe;

  RequestLogging(Observability observe) {
    this.observe = observe;
  }

  /** The first before-handler: the id, and the time the request reached us. */
  void begin(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
    String id = RequestIds.accept(ctx.header(HEADER));
    ctx.attribute(ID, id);
    ctx.header(HEADER, id);
  }

  /** Javalin's request logger: notes the route that matched, for {@link #log}. */
  void routed(Context ctx, Float ms) {
    ctx.attribute(ROUTE, route(ctx));
  }

  /**
   * Jetty's request log, called once the response has gone out: only then are the status and the
   * bytes sent (compressed ones too) final.
   */
  @Override
  public void log(Request request, Response response) {
    Object started = request.getAttribute(STARTED);
    long nanos =
        started instanceof Long t
            ? System.nanoTime() - t
            : (System.currentTimeMillis() - request.getTimeStamp()) * 1_000_000;
    Object id = request.getAttribute(ID);
    Object route = request.getAttribute(ROUTE);
    observe.requestCompleted(
        new HttpExchange(
            id instanceof String s ? s : RequestIds.generate(),
            request.getMethod(),
            route instanceof String r ? r : NO_ROUTE,
            response.getStatus(),
            nanos,
            response.getHttpChannel().getBytesWritten()));
  }

  private static String route(Context ctx) {
    if (ctx.path().startsWith("/static/")) {
      return STATIC;
    }
    try {
      String route = ctx.endpointHandlerPath();
      return route == null || route.isEmpty() ? NO_ROUTE : route;
    } catch (IllegalStateException refusedBeforeRouting) {
      return NO_ROUTE;
    }
  }
}
