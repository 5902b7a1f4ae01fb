package dev.paperboy.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipException;
import org.tukaani.xz.XZIOException;

/**
 * A file's content as it is read, held to the {@link ImportLimits}: no more than the file size
 * limit and, for compressed files, no more than the ratio allows past the floor. The decompressors'
 * own errors become messages that say what happened ("truncated .xz data"), since an {@link
 * EOFException} has none.
 */
final class GuardedInput extends FilterInputStream {

  private final CountingInput compressed;
  private final String compression;
  private final ImportLimits limits;
  private long read;

  /**
   * @param compressed the bytes read from disk, or null when the file is not compressed
   * @param compression ".gz" or ".xz", for messages; null when not compressed
   */
  GuardedInput(InputStream in, CountingInput compressed, String compression, ImportLimits limits) {
    super(in);
    this.compressed = compressed;
    this.compression = compression;
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(b, off, len);
    } catch (EOFException | ZipException | XZIOException e) {
      throw explained(e, compression);
    }
    if (n > 0) {
      read += n;
      check();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  private void check() throws BadInput {
    if (read > limits.maxFileBytes()) {
      throw new BadInput(
          (compression == null ? "holds" : "decompresses to")
              + " more than "
              + ImportLimits.size(limits.maxFileBytes())
              + ", the limit for one file");
    }
    if (compression != null
        && read > limits.bombFloorBytes()
        && read / limits.maxRatio() > compressed.count()) {
      throw new BadInput(
          String.format(
              Locale.ROOT,
              "decompression bomb: %s of %s data had expanded to %s (over %d times; the limit"
                  + " past %s)",
              ImportLimits.size(compressed.count()),
              compression,
              ImportLimits.size(read),
              limits.maxRatio(),
              ImportLimits.size(limits.bombFloorBytes())));
    }
  }

  /** A decompressor's exception as a message for the summary. */
  static BadInput explained(IOException e, String compression) {
    if (e instanceof EOFException) {
      return new BadInput(
          "truncated " + compression + " data: the file ends inside its compressed stream");
    }
    return new BadInput(
        "corrupt "
            + compression
            + " data"
            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
  }

  /** The bytes read from disk: for the progress bar, and to tell a bomb by its ratio. */
  static final class CountingInput extends FilterInputStream {

    private final AtomicLong progress;
    private long count;

    CountingInput(InputStream in, AtomicLong progress) {
      super(in);
      this.progress = progress;
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        progress.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
        progress.addAndGet(n);
      }
      return n;
    }
  }
}
