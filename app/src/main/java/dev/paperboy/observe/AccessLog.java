package dev.paperboy.observe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per request on the {@code access} logger: request id, method, route template,
 * status, duration and response size. No address, query, cookie or user ever goes in, so the log
 * holds no personal data. Turn it off with {@code -Dorg.slf4j.simpleLogger.log.access=warn}.
 */
public final class AccessLog {

  static final String LOGGER = "access";

  private final Logger log;

  public AccessLog() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  AccessLog(Logger log) {
    this.log = log;
  }

  public void record(HttpExchange e) {
    if (log.isInfoEnabled()) {
      log.info(line(e));
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
