package dev.paperboy.ingest;

import java.io.FilterInputStream;
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
import org.tukaani.xz.XZInputStream;

/** Finds the files under the given paths and opens them, decompressing .gz and .xz on the fly. */
final class InputFiles {

  private static final List<String> DATA_ENDINGS =
      List.of(".json", ".jsonl", ".ndjson", ".tsv", ".gz", ".xz");

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

  /** Opens the file; {@code consumed} counts the bytes read from disk (for progress). */
  static InputStream open(Path file, AtomicLong consumed) throws IOException {
    InputStream raw =
        new FilterInputStream(Files.newInputStream(file)) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              consumed.incrementAndGet();
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
              consumed.addAndGet(n);
            }
            return n;
          }
        };
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    if (name.endsWith(".xz")) {
      return new XZInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
    }
    return new java.io.BufferedInputStream(raw, 1 << 16);
  }
}
