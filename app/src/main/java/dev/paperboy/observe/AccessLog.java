package dev.paperboy.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per request on the {@code access} logger: request id, method, route template,
 * status, duration and response size. No address, query, cookie or user ever goes in, so the log
 * holds no personal data. Turn it off with {@code -Dorg.slf4j.simpleLogger.log.access=warn}.
 */
public final class AccessLog implements AutoCloseable {

  static final String LOGGER = "access";

  /** Lines waiting for the writer; beyond this many, new ones are counted and dropped. */
  static final int BACKLOG = 16_384;

  private final Logger log;
  private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(BACKLOG);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  public AccessLog() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  AccessLog(Logger log) {
    this.log = log;
    this.writer = Thread.ofPlatform().name("access-log").daemon().unstarted(this::write);
    if (log.isInfoEnabled()) {
      writer.start();
    }
  }

  /**
   * Queues the request's line: the request's thread does not wait for the log's output (a
   * synchronised write per request, which halved the rate of cached pages on two cores).
   */
  public void record(HttpExchange e) {
    if (log.isInfoEnabled() && !pending.offer(line(e))) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    List<String> batch = new ArrayList<>(256);
    try {
      while (true) {
        batch.add(pending.take());
        pending.drainTo(batch, 255);
        batch.forEach(log::info);
        batch.clear();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          log.warn(
              "{} access log lines dropped: requests came faster than the log is written", lost);
        }
      }
    } catch (InterruptedException stopping) {
      pending.drainTo(batch);
      batch.forEach(log::info);
    }
  }

  /** Writes what is queued and stops the writer. */
  @Override
  public void close() {
    writer.interrupt();
    try {
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code id=… method=GET route=/papers/{id} status=200 ms=1.42 bytes=5120}. */
  static String line(HttpExchange e) {
    StringBuilder s = new StringBuilder(128);
    s.append("id=").append(e.requestId());
    s.append(" method=").append(e.method());
    s.append(" route=").append(e.route());
    s.append(" status=").append(e.status());
    long micros = e.nanos() / 1000;
    s.append(" ms=").append(micros / 1000).append('.');
    long frac = (micros % 1000) / 10;
    if (frac < 10) {
      s.append('0');
    }
    s.append(frac);
    if (e.bytes() >= 0) {
      s.append(" bytes=").append(e.bytes());
    }
    return s.toString();
  }
}
