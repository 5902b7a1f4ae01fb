package dev.paperboy.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brotli, through brotli4j's native library (the jar carries it for Linux, macOS and Windows on
 * x86-64 and Linux and macOS on ARM); where it does not load, answers go out gzipped as before.
 * Measured on real answers here: quality 1 made a 160 KB search answer 31 KB in 0.6 ms where gzip
 * level 1 made 36 KB in 1.4 ms; quality 5 made the 39 KB home page 7.4 KB in 0.6 ms (gzip level 9:
 * 7.9 KB in 0.7 ms). Quality 11 saves another sixth but takes 30-100 ms, too long for a page
 * rendered again after each vote.
 */
final class Brotli {

  private static final Logger log = LoggerFactory.getLogger(Brotli.class);

  /** For answers made per request: faster than gzip's fastest, and smaller. */
  static final int DYNAMIC_QUALITY = 1;

  /** For answers made once and sent many times (cached pages, static assets). */
  static final int PREPARED_QUALITY = 5;

  static final boolean AVAILABLE = load();

  private Brotli() {}

  private static boolean load() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) { // UnsatisfiedLinkError on a platform without the native library
      log.warn("Brotli is not available here ({}); answers are gzipped only", e.toString());
      return false;
    }
  }

  /** The bytes at the given quality, or null when brotli is not available. */
  static byte[] compress(byte[] body, int quality) {
    if (!AVAILABLE) {
      return null;
    }
    try {
      return Encoder.compress(body, new Encoder.Parameters().setQuality(quality));
    } catch (IOException e) {
      throw new UncheckedIOException("brotli failed on " + body.length + " bytes", e);
    }
  }
}
