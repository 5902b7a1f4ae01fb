package dev.paperboy.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * huggingface.co's {@code /api/daily_papers} on a local port, answering from recorded days: a day's
 * items are paged by {@code limit} and {@code p} as the real API pages them; an unknown day is an
 * empty array; a recording that is not a JSON array is served as it is. Troubles queued with {@link
 * #then} answer the next requests first.
 */
final class FakeHuggingFace implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a request can go wrong. */
  enum Trouble {
    /** HTTP 503 with Retry-After: 7. */
    UNAVAILABLE,
    /** The right answer, cut off halfway. */
    CUT_OFF,
    /** Headers, then nothing until the server closes. */
    HANGING
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Deque<Trouble> troubles = new ArrayDeque<>();
  private final Map<String, byte[]> days = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  FakeHuggingFace() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/api/daily_papers", this::handle);
    server.start();
  }

  FakeHuggingFace day(String date, byte[] recording) {
    days.put(date, recording);
    return this;
  }

  synchronized FakeHuggingFace then(Trouble trouble) {
    troubles.add(trouble);
    return this;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/daily_papers");
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> q = new HashMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    Trouble trouble;
    synchronized (this) {
      requests.add(exchange.getRequestURI().getRawQuery());
      trouble = troubles.poll();
    }
    byte[] recorded = days.getOrDefault(q.get("date"), "[]".getBytes(StandardCharsets.UTF_8));
    byte[] body = page(recorded, Integer.parseInt(q.get("limit")), Integer.parseInt(q.get("p")));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (trouble == Trouble.UNAVAILABLE) {
      exchange.getResponseHeaders().add("Retry-After", "7");
      exchange.sendResponseHeaders(503, -1);
    } else if (trouble == Trouble.CUT_OFF) {
      exchange.sendResponseHeaders(200, body.length / 2);
      exchange.getResponseBody().write(body, 0, body.length / 2);
    } else if (trouble == Trouble.HANGING) {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().flush();
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private static byte[] page(byte[] recorded, int limit, int p) throws IOException {
    JsonNode all;
    try {
      all = JSON.readTree(recorded);
    } catch (IOException notJson) {
      return p == 0 ? recorded : "[]".getBytes(StandardCharsets.UTF_8);
    }
    if (!all.isArray()) {
      return p == 0 ? recorded : "[]".getBytes(StandardCharsets.UTF_8);
    }
    ArrayNode slice = JSON.createArrayNode();
    for (int i = p * limit; i < Math.min(all.size(), (p + 1) * limit); i++) {
      slice.add(all.get(i));
    }
    return JSON.writeValueAsBytes(slice);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
