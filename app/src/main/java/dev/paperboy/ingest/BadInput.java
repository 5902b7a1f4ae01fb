package dev.paperboy.ingest;

import java.io.IOException;

/**
 * Input that must not be read further: a decompression bomb, a file over the size limit, corrupt or
 * truncated compressed data, invalid UTF-8. The message says what was wrong and where, in the words
 * the import summary shows.
 */
public final class BadInput extends IOException {

  BadInput(String message) {
    super(message);
  }
}
