package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a JSON lines file, one record each, read as bytes and decoded one by one: a line
 * over the record limit is skipped without being held in memory, and a line that is not UTF-8 is
 * one bad record rather than a silently altered one (a newline byte never occurs inside a UTF-8
 * character, so splitting first is safe). A leading byte-order mark is dropped.
 */
final class Utf8Lines {

  /** A line's number and text, or why it has no text ({@code problem}). */
  record Line(long number, String text, String problem) {
    boolean isBlank() {
      return problem == null && text.isBlank();
    }
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final long maxBytes;
  private final String tooLong;
  private final CharsetDecoder decoder = StrictUtf8Reader.strictDecoder();
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] line = new byte[1 << 12];
  private int length;
  private long number;

  Utf8Lines(InputStream in, ImportLimits limits) {
    this.in = in;
    this.maxBytes = limits.maxRecordBytes();
    this.tooLong = limits.recordTooLarge();
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    if (pos == end && !fill()) {
      return null;
    }
    length = 0;
    boolean over = false;
    while (true) {
      int nl = indexOfNewline();
      int stop = nl < 0 ? end : nl;
      if (!over && length + (long) (stop - pos) > maxBytes) {
        over = true;
      } else if (!over) {
        append(stop - pos);
      }
      if (nl >= 0) {
        pos = nl + 1;
        break;
      }
      pos = end;
      if (!fill()) {
        break;
      }
    }
    number++;
    return over ? new Line(number, null, tooLong) : decode();
  }

  private Line decode() {
    int from = number == 1 && startsWithBom() ? BOM.length : 0;
    int to = length > from && line[length - 1] == '\r' ? length - 1 : length;
    // the JDK's own decoding is the fast one; it marks each malformed sequence with U+FFFD, so only
    // a line showing one needs the strict decoder to tell a real U+FFFD from a replaced byte
    String text = new String(line, from, to - from, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(line, from, to - from));
      } catch (CharacterCodingException e) {
        return new Line(number, null, "invalid UTF-8");
      }
    }
    return new Line(number, text, null);
  }

  private boolean startsWithBom() {
    return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
  }

  private int indexOfNewline() {
    for (int i = pos; i < end; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int n) {
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(buf, pos, line, length, n);
    length += n;
  }

  private boolean fill() throws IOException {
    int n = 0;
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    pos = 0;
    end = Math.max(n, 0);
    return n > 0;
  }
}
