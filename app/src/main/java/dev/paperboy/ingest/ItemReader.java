package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A streaming parser that builds one array item at a time, and gives up on an item that grows past
 * the limit: it is skipped token by token, never held whole, and the array goes on after it.
 */
final class ItemReader extends JsonParserDelegate {

  /** Thrown from inside the tree builder to stop it; never leaves this class. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super(null, null);
    }
  }

  private final long maxChars;
  private long itemStart = -1;

  ItemReader(JsonParser parser, long maxChars) {
    super(parser);
    this.maxChars = maxChars;
  }

  /**
   * The item whose first token is current, or null when it is over the limit (then skipped up to
   * its end, leaving the parser in {@code array} again).
   */
  JsonNode readItem(JsonStreamContext array) throws IOException {
    itemStart = offset();
    try {
      return readValueAsTree();
    } catch (TooLarge e) {
      while (delegate.getParsingContext() != array && delegate.nextToken() != null) {
        // skip the rest of the item; strings are passed over without being decoded into memory
      }
      return null;
    } finally {
      itemStart = -1;
    }
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (itemStart >= 0 && offset() - itemStart > maxChars) {
      throw new TooLarge();
    }
    return t;
  }

  private long offset() {
    JsonLocation at = delegate.currentTokenLocation();
    return at.getCharOffset() >= 0 ? at.getCharOffset() : at.getByteOffset();
  }
}
