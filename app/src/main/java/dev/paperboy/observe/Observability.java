package dev.paperboy.observe;

import dev.paperboy.community.Accounts;
import dev.paperboy.digest.Outbox;
import dev.paperboy.ingest.RecordCounts;
import dev.paperboy.search.Search;
import dev.paperboy.storage.Database;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What operators see of a serving process, as the web layer asks for it: every finished request
 * (metrics and access log), the Prometheus scrape, readiness, and who may read the metrics.
 */
public final class Observability implements AutoCloseable {

  private final Metrics metrics;
  private final AccessLog accessLog;
  private final Readiness readiness;
  private final MetricsAccess access;

  Observability(Metrics metrics, AccessLog accessLog, Readiness readiness, MetricsAccess access) {
    this.metrics = metrics;
    this.accessLog = accessLog;
    this.readiness = readiness;
    this.access = access;
  }

  /**
   * Observes a serving process: binds the search service's, ingestion's and mail's counters and
   * listens to every search.
   *
   * @param metricsToken the bearer token that opens {@code /metrics} to other machines, or null
   */
  public static Observability create(
      Database database,
      Search search,
      RecordCounts imports,
      RecordCounts harvests,
      Outbox outbox,
      Accounts accounts,
      BearerToken metricsToken) {
    Metrics metrics = new Metrics();
    metrics.bind(accounts);
    metrics.bind(search);
    metrics.bind("import", imports);
    metrics.bind("harvest", harvests);
    metrics.bind(outbox);
    search.service().addListener(metrics::searched);
    return new Observability(
        metrics, new AccessLog(), new Readiness(database, search), new MetricsAccess(metricsToken));
  }

  /** Watches the web layer's admission control (plain numbers: observe knows no web types). */
  public void watchAdmission(IntSupplier working, IntSupplier waiting, LongSupplier refused) {
    metrics.admission(working, waiting, refused);
  }

  /** Counts, times and logs one finished request. */
  public void requestCompleted(HttpExchange exchange) {
    metrics.request(exchange);
    accessLog.record(exchange);
  }

  public String scrape() {
    return metrics.scrape();
  }

  public Readiness.Report readiness() {
    return readiness.check();
  }

  /** Why this request may not read the metrics; see {@link MetricsAccess#refusal}. */
  public Optional<String> metricsRefusal(
      String remoteAddress, boolean proxied, String authorization) {
    return access.refusal(remoteAddress, proxied, authorization);
  }

  @Override
  public void close() {
    metrics.close();
    accessLog.close();
  }
}
