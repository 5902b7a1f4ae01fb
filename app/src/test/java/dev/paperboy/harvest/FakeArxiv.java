package dev.paperboy.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paperboy.ingest.ArxivFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * export.arxiv.org's API (or, with {@link #oaiPmh}, oaipmh.arxiv.org) on a local port: answers
 * first from a script, then with the answer given for exactly the request's parameters, then by
 * replaying API recordings whose request matches (the same id_list, or the same search_query, start
 * and max_results), then, for any other id_list, with a feed of the recorded entries it {@link
 * #knows} for those ids, as arXiv answers it (ids it does not know are absent). Remembers every
 * request with the fake time it arrived at.
 */
public final class FakeArxiv implements AutoCloseable {

  public record Request(Map<String, String> params, String userAgent, Instant at) {}

  public record Answer(int status, byte[] body, Map<String, String> headers, boolean hangs) {

    public static Answer of(int status, byte[] body) {
      return new Answer(status, body, Map.of(), false);
    }

    /** Never sends a byte. */
    public static Answer hanging() {
      return new Answer(0, new byte[0], Map.of(), true);
    }

    /** Sends the headers and this part of the body, promising more that never comes. */
    static Answer stallingAfter(byte[] part) {
      return new Answer(200, part, Map.of(), true);
    }

    Answer withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, body, more, hangs);
    }
  }

  /** An Atom entry and its versionless id. */
  private static final Pattern ENTRY =
      Pattern.compile(
          "(<entry>\\s*<id>https?://arxiv\\.org/abs/(.+?)(?:v\\d+)?</id>.*?</entry>)",
          Pattern.DOTALL);

  private final InstantSource clock;
  private final String path;
  private final String contentType;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Map<String, Answer> recordings = new HashMap<>();
  private final Map<Map<String, String>, Answer> answers = new HashMap<>();
  private final Map<String, String> entries = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private Answer otherwise = Answer.of(404, "no recording".getBytes(StandardCharsets.UTF_8));

  public FakeArxiv(InstantSource clock) throws IOException {
    this(clock, "/api/query", "application/atom+xml; charset=utf-8");
  }

  private FakeArxiv(InstantSource clock, String path, String contentType) throws IOException {
    this.clock = clock;
    this.path = path;
    this.contentType = contentType;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(path, this::handle);
    server.start();
  }

  /** arXiv's OAI-PMH interface at /oai. */
  public static FakeArxiv oaiPmh(InstantSource clock) throws IOException {
    return new FakeArxiv(clock, "/oai", "text/xml; charset=utf-8");
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers every request with exactly these parameters (once the script is used up). */
  public synchronized FakeArxiv answering(Map<String, String> params, Answer answer) {
    answers.put(Map.copyOf(params), answer);
    return this;
  }

  public FakeArxiv replaying(String... fixtures) {
    for (String name : fixtures) {
      ArxivFixtures.Recording r = ArxivFixtures.recording(name);
      recordings.put(
          key(params(URI.create(r.url()).getRawQuery())), Answer.of(r.status(), r.body()));
    }
    return this;
  }

  /** Knows the entries of these recorded answers, to answer id_list requests from. */
  public synchronized FakeArxiv knows(String... fixtures) {
    for (String name : fixtures) {
      Matcher m = ENTRY.matcher(new String(ArxivFixtures.body(name), StandardCharsets.UTF_8));
      while (m.find()) {
        entries.put(m.group(2), m.group(1));
      }
    }
    return this;
  }

  public synchronized FakeArxiv then(Answer answer) {
    script.add(answer);
    return this;
  }

  public synchronized FakeArxiv otherwise(Answer answer) {
    otherwise = answer;
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
    Answer answer;
    synchronized (this) {
      requests.add(
          new Request(
              params, exchange.getRequestHeaders().getFirst("User-Agent"), clock.instant()));
      answer =
          !script.isEmpty()
              ? script.poll()
              : answers.getOrDefault(
                  params, recordings.getOrDefault(key(params), fromEntries(params)));
    }
    if (answer.status() > 0) {
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", contentType);
      int length = answer.body().length + (answer.hangs() ? 1000 : 0);
      exchange.sendResponseHeaders(answer.status(), length == 0 ? -1 : length);
      exchange.getResponseBody().write(answer.body());
      exchange.getResponseBody().flush();
    }
    if (answer.hangs()) {
      awaitClosing();
    }
    exchange.close();
  }

  /**
   * The recorded empty answer (for 0000.0000) with the known entries of the id_list put in, in the
   * list's order; {@code otherwise} when none is known or the request is no id_list.
   */
  private Answer fromEntries(Map<String, String> params) {
    String ids = params.getOrDefault("id_list", "");
    StringBuilder found = new StringBuilder();
    int count = 0;
    for (String id : ids.isEmpty() ? new String[0] : ids.split(",")) {
      String entry = entries.get(id.replaceFirst("v\\d+$", ""));
      if (entry != null) {
        found.append("  ").append(entry).append('\n');
        count++;
      }
    }
    if (count == 0) {
      return otherwise;
    }
    String empty = new String(ArxivFixtures.body(TestingSearch.EMPTY), StandardCharsets.UTF_8);
    String feed =
        empty
            .replace("id_list=0000.0000", "id_list=" + ids)
            .replace("<opensearch:totalResults>0<", "<opensearch:totalResults>" + count + "<")
            .replace("</feed>", found + "</feed>");
    return Answer.of(200, feed.getBytes(StandardCharsets.UTF_8));
  }

  private void awaitClosing() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(Map<String, String> p) {
    String ids = p.getOrDefault("id_list", "");
    return ids.isEmpty()
        ? "search_query="
            + p.get("search_query")
            + "&start="
            + p.get("start")
            + "&max_results="
            + p.get("max_results")
        : "id_list=" + ids;
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
