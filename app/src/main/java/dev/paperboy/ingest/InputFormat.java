package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * What a file holds, told from its first bytes without reading it as lines: JSON tokens from the
 * opening bracket or brace, or text (tab-separated columns) otherwise.
 */
enum InputFormat {
  /** Nothing but blank space (and perhaps a byte-order mark). */
  EMPTY,
  /** A JSON array, streamed item by item (Hugging Face days): no line-length limit. */
  JSON_ARRAY,
  /** JSON objects one per line (arXiv listings, the Kaggle snapshot), read record by record. */
  JSON_LINES,
  /** One JSON document that is not an array, spread over lines (refused with its keys). */
  JSON_DOCUMENT,
  /** Anything else: the tab-separated archive, or an unrecognised format. */
  TEXT;

  /** How far into a file recognition looks; the stream is reset to where it was. */
  static final int WINDOW = 1 << 16;

  private static final JsonFactory TOKENS = new JsonFactory();

  static InputFormat of(BufferedInputStream in) throws IOException {
    in.mark(WINDOW);
    byte[] head = in.readNBytes(WINDOW);
    in.reset();
    int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB ? 3 : 0;
    while (start < head.length && isSpace(head[start])) {
      start++;
    }
    if (start == head.length) {
      return head.length < WINDOW ? EMPTY : TEXT;
    }
    return switch (head[start]) {
      case '[' -> JSON_ARRAY;
      case '{' -> objects(head, start);
      default -> TEXT;
    };
  }

  /**
   * JSON lines when the first object ends on the line it began on, or is cut off (by the window or
   * a syntax error) without leaving that line; a document when it runs on to later lines.
   */
  private static InputFormat objects(byte[] head, int start) throws IOException {
    try (JsonParser p = TOKENS.createParser(head, start, head.length - start)) {
      p.nextToken();
      p.skipChildren();
      return p.currentTokenLocation().getLineNr() == 1 ? JSON_LINES : JSON_DOCUMENT;
    } catch (JsonEOFException e) {
      return contains(head, start, (byte) '\n') ? JSON_DOCUMENT : JSON_LINES;
    } catch (JsonProcessingException e) {
      return e.getLocation() == null || e.getLocation().getLineNr() == 1
          ? JSON_LINES
          : JSON_DOCUMENT;
    }
  }

  private static boolean contains(byte[] bytes, int from, byte b) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
