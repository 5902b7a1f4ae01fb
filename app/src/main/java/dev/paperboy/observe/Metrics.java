package dev.paperboy.observe;

import dev.paperboy.community.Accounts;
import dev.paperboy.digest.Outbox;
import dev.paperboy.ingest.RecordCounts;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The process's metrics in Prometheus form, the one place that knows Micrometer. Feature packages
 * keep plain counters and values; this binds them as counters and gauges, so nothing else imports a
 * metrics library.
 */
public final class Metrics implements AutoCloseable {

  /** What Prometheus expects a text scrape to be served as. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Object> held = new ArrayList<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> serverErrors = new ConcurrentHashMap<>();
  private final Map<SearchMode, Timer> searches = new EnumMap<>(SearchMode.class);

  private record RequestKey(String method, String route, String status) {}

  public Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    for (SearchMode mode : SearchMode.values()) {
      searches.put(
          mode,
          latency(Timer.builder("paperboy.search").description("Searches answered, by mode"))
              .tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry));
    }
  }

  /** Counts and times a finished request under its route template, method and status class. */
  public void request(HttpExchange e) {
    String status = e.statusClass();
    requests
        .computeIfAbsent(
            new RequestKey(e.method(), e.route(), status),
            k ->
                latency(Timer.builder("http.server.requests").description("HTTP requests served"))
                    .tag("method", k.method())
                    .tag("route", k.route())
                    .tag("status", k.status())
                    .register(registry))
        .record(e.nanos(), TimeUnit.NANOSECONDS);
    if (e.status() >= 500) {
      serverErrors
          .computeIfAbsent(
              e.route(),
              route ->
                  Counter.builder("http.server.errors")
                      .description("Requests answered with a 5xx status")
                      .tag("route", route)
                      .register(registry))
          .increment();
    }
  }

  /** A search answered (a {@link SearchService.Listener}). */
  public void searched(SearchMode mode, long nanos) {
    searches.get(mode).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The index lag, the embedding backlog and the papers embedded by this process. */
  public void bind(Search search) {
    gauge(
        "paperboy.index.lag",
        "Paper changes the search index has not caught up with",
        search,
        s -> s.follower().lag());
    gauge(
        "paperboy.embedding.backlog",
        "Papers without an embedding yet",
        search,
        s -> s.backlog().size());
    FunctionCounter.builder("paperboy.papers.embedded", search, s -> s.backlog().embeddedHere())
        .description("Papers embedded by this process")
        .register(registry);
  }

  /** Records read, created, updated and rejected by a kind of ingestion (import, harvest). */
  public void bind(String kind, RecordCounts counts) {
    records(kind, "read", counts, RecordCounts::read);
    records(kind, "created", counts, RecordCounts::created);
    records(kind, "updated", counts, RecordCounts::updated);
    records(kind, "rejected", counts, RecordCounts::rejected);
  }

  /** Mail sent, deferred (a temporary failure, retried) and given up, by this process. */
  public void bind(Outbox outbox) {
    mail("sent", outbox, o -> o.totals().sent());
    mail("deferred", outbox, o -> o.totals().deferred());
    mail("failed", outbox, o -> o.totals().failed());
  }

  /** Argon2 runs: the costliest thing a request can ask for, bounded by the sign-in limits. */
  public void bind(Accounts accounts) {
    FunctionCounter.builder("paperboy.password.hashes", accounts, a -> a.passwordHashes())
        .description("Password hashes computed (sign-up, sign-in, password checks)")
        .register(registry);
  }

  /** The admission filter: requests at work, waiting for a turn, and refused with a 503. */
  public void admission(IntSupplier working, IntSupplier waiting, LongSupplier refused) {
    // held strongly: Micrometer keeps only a weak reference to a gauge's object, and nothing
    // else holds these lambdas
    Gauge.builder("paperboy.http.requests.working", working, w -> w.getAsInt())
        .description("Requests at work now")
        .strongReference(true)
        .register(registry);
    Gauge.builder("paperboy.http.requests.waiting", waiting, w -> w.getAsInt())
        .description("Requests waiting for a turn")
        .strongReference(true)
        .register(registry);
    held.add(refused); // a function counter has no strong-reference option
    FunctionCounter.builder("paperboy.http.requests.refused", refused, r -> r.getAsLong())
        .description("Requests refused with 503 because the server was full")
        .register(registry);
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  MeterRegistry registry() {
    return registry;
  }

  private static Timer.Builder latency(Timer.Builder timer) {
    return timer.serviceLevelObjectives(LATENCY_BUCKETS);
  }

  private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  private void records(
      String kind, String outcome, RecordCounts counts, ToDoubleFunction<RecordCounts> value) {
    FunctionCounter.builder("paperboy.records", counts, value)
        .description("Records read by imports and harvests, and what became of them")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry);
  }

  private void mail(String outcome, Outbox outbox, ToDoubleFunction<Outbox> value) {
    FunctionCounter.builder("paperboy.mail", outbox, value)
        .description("Mail delivery attempts by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
