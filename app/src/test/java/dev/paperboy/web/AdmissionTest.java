package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An overloaded server answers at once with 503 and Retry-After instead of queueing for ever. */
class AdmissionTest {

  /** What the filter wrote: status, headers, body. */
  static final class Written {
    int status = 200;
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
  }

  static HttpServletRequest request(String path) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            AdmissionTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> method.getName().equals("getRequestURI") ? path : null);
  }

  static HttpServletResponse response(Written w) {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            w.body.write(b);
          }
        };
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            AdmissionTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "setStatus" -> w.status = (Integer) args[0];
                case "setHeader" -> w.headers.put((String) args[0], (String) args[1]);
                case "getOutputStream" -> {
                  return out;
                }
                default -> {}
              }
              return null;
            });
  }

  @Test
  @Timeout(10)
  void beyondTheRunningAndWaitingRequestsTheAnswerIsAFast503() throws Exception {
    Admission admission = new Admission(1, 1, 1000);
    ExecutorService threads = Executors.newCachedThreadPool();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FilterChain slow =
        (req, res) -> {
          inside.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Written first = new Written();
    CompletableFuture<Void> running =
        CompletableFuture.runAsync(() -> call(admission, "/papers/trending", slow, first));
    assertTrue(inside.await(5, TimeUnit.SECONDS));

    Written waiter = new Written();
    CompletableFuture<Long> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              long t = System.nanoTime();
              call(admission, "/search", (req, res) -> {}, waiter);
              return (System.nanoTime() - t) / 1_000_000;
            },
            threads);
    while (admission.waiting() == 0) {
      Thread.onSpinWait(); // until the waiter is in line
    }

    Written refused = new Written();
    long started = System.nanoTime();
    call(admission, "/api/papers/search", (req, res) -> {}, refused);
    long refusedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, refused.status);
    assertEquals("2", refused.headers.get("Retry-After"));
    assertTrue(refused.headers.containsKey("Content-Security-Policy"));
    assertTrue(
        refused.body.toString(StandardCharsets.UTF_8).startsWith("{\"error\":\"Paperboy is busy"));
    assertTrue(refusedMillis < 500, "no wait when the line is full: " + refusedMillis + " ms");

    long waited = waiting.get(5, TimeUnit.SECONDS);
    assertEquals(503, waiter.status, "a turn did not come within the wait");
    assertTrue(waited >= 900, "it waited its second: " + waited);
    assertEquals(2, admission.refused());

    release.countDown();
    running.get(5, TimeUnit.SECONDS);
    assertEquals(200, first.status);
    Written after = new Written();
    call(admission, "/", (req, res) -> {}, after);
    assertEquals(200, after.status, "turns are given back");
    threads.shutdown();
  }

  @Test
  @Timeout(10)
  void staticFilesSkipTheLine() throws Exception {
    Admission none = new Admission(1, 0, 0);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    threads.execute(
        () ->
            call(
                none,
                "/",
                (req, res) -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                new Written()));
    while (none.inProgress() == 0) {
      Thread.onSpinWait();
    }
    Written css = new Written();
    call(none, "/static/style.css", (req, res) -> {}, css);
    assertEquals(200, css.status);
    Written page = new Written();
    call(none, "/papers/trending", (req, res) -> {}, page);
    assertEquals(503, page.status, "while a page without the line is refused");
    release.countDown();
    threads.shutdown();
  }

  static void call(Admission admission, String path, FilterChain chain, Written into) {
    try {
      admission.doFilter(request(path), response(into), chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
