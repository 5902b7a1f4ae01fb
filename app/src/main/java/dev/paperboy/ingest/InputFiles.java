package dev.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.tukaani.xz.XZIOException;
import org.tukaani.xz.XZInputStream;

/** Finds the files under the given paths and opens them, decompressing .gz and .xz on the fly. */
final class InputFiles {

  private static final List<String> DATA_ENDINGS =
      List.of(".json", ".jsonl", ".ndjson", ".tsv", ".gz", ".xz");
  private static final int BUFFER = 1 << 16;

  private InputFiles() {}

  /** Every regular file under the paths, sorted within each directory so runs are repeatable. */
  static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Licences, READMEs and schemas sit beside data; they are skipped, not rejected. */
  static boolean looksLikeData(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return DATA_ENDINGS.stream().anyMatch(name::endsWith);
  }

  /**
   * Opens the file for reading, decompressing .gz and .xz on the fly, within the limits; {@code
   * progress} counts the bytes read from disk.
   *
   * @throws BadInput when the compressed data is corrupt from its first bytes
   */
  static BufferedInputStream open(Path file, AtomicLong progress, ImportLimits limits)
      throws IOException {
    GuardedInput.CountingInput raw =
        new GuardedInput.CountingInput(Files.newInputStream(file), progress);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String compression = name.endsWith(".gz") ? ".gz" : name.endsWith(".xz") ? ".xz" : null;
    InputStream content = raw;
    try {
      if (".gz".equals(compression)) {
        content = new GZIPInputStream(raw, BUFFER);
      } else if (".xz".equals(compression)) {
        content = new XZInputStream(new BufferedInputStream(raw, BUFFER));
      }
    } catch (EOFException | ZipException | XZIOException e) {
      raw.close();
      throw GuardedInput.explained(e, compression);
    }
    return new BufferedInputStream(
        new GuardedInput(content, compression == null ? null : raw, compression, limits), BUFFER);
  }
}
