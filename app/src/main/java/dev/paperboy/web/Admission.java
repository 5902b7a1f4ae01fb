package dev.paperboy.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission control in front of every page and API call: at most {@code running} requests work at
 * once (the CPU does not get faster with more), at most {@code waiting} more wait for a turn, and
 * none waits longer than {@code maxWaitMillis}. Anything beyond is answered at once with 503 and a
 * Retry-After, so an overload costs a fast refusal instead of a queue that stalls everyone. Static
 * files and the liveness check go straight through.
 */
final class Admission implements Filter {

  static final int RETRY_AFTER_SECONDS = 2;

  private final Semaphore turns;
  private final int running;
  private final int maxWaiting;
  private final long maxWaitMillis;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();

  Admission(int running, int maxWaiting, long maxWaitMillis) {
    this.turns = new Semaphore(running, true);
    this.running = running;
    this.maxWaiting = maxWaiting;
    this.maxWaitMillis = maxWaitMillis;
  }

  /** Sized for this machine: four requests per core at work, sixteen per core waiting. */
  static Admission forThisMachine() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Admission(4 * cores, 16 * cores, 1000);
  }

  /** Requests refused because the server was full, since start. */
  long refused() {
    return refused.get();
  }

  /** Requests at work now. */
  int inProgress() {
    return running - turns.availablePermits();
  }

  /** Requests waiting for a turn now. */
  int waiting() {
    return waiting.get();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = ((HttpServletRequest) request).getRequestURI();
    if (path.startsWith("/static/") || path.equals("/healthz")) {
      chain.doFilter(request, response);
      return;
    }
    if (!enter()) {
      refused.incrementAndGet();
      busy((HttpServletRequest) request, (HttpServletResponse) response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      turns.release();
    }
  }

  private boolean enter() {
    if (turns.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static void busy(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean json = request.getRequestURI().startsWith("/api/");
    String message =
        "Paperboy is busy right now. Try again in " + RETRY_AFTER_SECONDS + " seconds.";
    response.setStatus(503);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    WebServer.securityHeaders(response::setHeader);
    response.setContentType(json ? "application/json" : "text/plain;charset=utf-8");
    byte[] body =
        (json ? "{\"error\":\"" + message + "\"}" : message + "\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
