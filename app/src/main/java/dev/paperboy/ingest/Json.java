package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/** The one way JSON from outside is read, for files and live answers alike. */
public final class Json {

  private Json() {}

  /**
   * A mapper that keeps a number's digits as written (a numeric id {@code 2506.33310} must not
   * become the other paper {@code 2506.3331}, nor {@code 1e30} a double), and whose strings may be
   * a few times the record limit: an item with one that long is still read whole and then rejected
   * as a record, while a string longer still (which a streaming parser cannot step over) ends the
   * file with its location instead of filling memory.
   */
  public static ObjectMapper mapper(ImportLimits limits) {
    long maxString = Math.min(Integer.MAX_VALUE, 4 * limits.maxRecordBytes());
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength((int) maxString).build())
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return mapper;
  }
}
