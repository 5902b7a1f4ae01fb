package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text that is refused where it stops being UTF-8, rather than read on with U+FFFD in place
 * of what could not be decoded. A leading byte-order mark is dropped. The text before a bad byte is
 * delivered first, so the error's line and column are where the bad byte is.
 */
public final class StrictUtf8Reader extends Reader {

  static final char BOM = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder = strictDecoder();
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private boolean eof;
  private boolean flushed;
  private boolean atStart = true;
  private boolean malformed;
  private long line = 1;
  private long column = 1;

  public StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  /** A UTF-8 decoder that reports what it cannot decode instead of replacing it. */
  static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off && !malformed && !flushed) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        malformed = true;
      } else if (r.isUnderflow() && eof) {
        decoder.flush(out);
        flushed = true;
      } else if (r.isUnderflow() && out.position() == off) {
        fill();
      }
    }
    int n = out.position() - off;
    if (atStart && n > 0) {
      atStart = false;
      if (buf[off] == BOM) {
        System.arraycopy(buf, off + 1, buf, off, --n);
      }
    }
    count(buf, off, n);
    if (n > 0) {
      return n;
    }
    if (malformed) {
      throw new BadInput("invalid UTF-8 at line " + line + ", column " + column);
    }
    return flushed ? -1 : read(buf, off, len);
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void count(char[] buf, int off, int n) {
    for (int i = off; i < off + n; i++) {
      if (buf[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
