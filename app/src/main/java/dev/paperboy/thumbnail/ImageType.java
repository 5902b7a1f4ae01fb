package dev.paperboy.thumbnail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a thumbnail may have, told by their first bytes, never by what the sending
 * host's Content-Type claims: what Paperboy serves as {@code image/png} is a PNG.
 */
public enum ImageType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  WEBP("image/webp", "webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String contentType;
  private final String extension;

  ImageType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The file name extension the cache stores it under. */
  String extension() {
    return extension;
  }

  /** The type whose signature {@code bytes} start with, if any. */
  public static Optional<ImageType> of(byte[] bytes) {
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  static Optional<ImageType> ofExtension(String extension) {
    return Arrays.stream(values()).filter(t -> t.extension.equals(extension)).findFirst();
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    return bytes.length >= at + prefix.length
        && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
  }
}
