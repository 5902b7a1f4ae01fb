package dev.paperboy.ingest;

import dev.paperboy.TestApps;
import dev.paperboy.TestClock;
import dev.paperboy.TestDatabases;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SQLite file, and input files the test writes, in a temporary directory made before each
 * test and removed after it ({@code @RegisterExtension final ImportFixture f = new
 * ImportFixture();}).
 */
final class ImportFixture implements BeforeEachCallback, AfterEachCallback {

  /** The day the tests run on, whatever the real date. */
  static final String NOW = "2026-08-21T18:00:00Z";

  final TestClock clock = TestClock.at(NOW);
  Path dir;
  Database db;
  PaperStore store;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("import-test");
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    db.close();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  ImportReport importing(ImportLimits limits, Path... files) {
    return new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()), limits, clock)
        .run(List.of(files));
  }

  ImportReport importing(Path... files) {
    return importing(ImportLimits.DEFAULTS, files);
  }

  Paper paper(String id) {
    return store.find(id).orElseThrow(() -> new AssertionError("not stored: " + id));
  }

  Path write(String name, byte[] content) {
    try {
      Path to = dir.resolve("in").resolve(name);
      Files.createDirectories(to.getParent());
      return Files.write(to, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String name, String content) {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of a test resource under another name. */
  Path copy(String resource, String name) {
    try {
      return write(name, Files.readAllBytes(TestApps.resource("ingest/" + resource)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Hugging Face daily-papers item with the given paper fields (JSON members, comma-led). */
  static String hfItem(String id, String moreFields) {
    return String.format(
        Locale.ROOT,
        "{\"paper\": {\"id\": \"%s\", \"title\": \"Paper %s\", \"summary\": \"About %s.\","
            + " \"authors\": [{\"name\": \"Ada Lovelace\"}], \"publishedAt\":"
            + " \"2025-03-20T17:00:00.000Z\", \"upvotes\": 3%s}, \"numComments\": 1}",
        id,
        id,
        id,
        moreFields);
  }

  /** One line of an arXiv new-listings file. */
  static String listingLine(String id, String summary) {
    return String.format(
        Locale.ROOT,
        "{\"id\": \"%s\", \"authors\": [\"Alan Turing\"], \"title\": \"Listed %s\","
            + " \"categories\": [\"cs.LG\"], \"comment\": null, \"summary\": \"%s\"}",
        id,
        id,
        summary);
  }

  /** Gzip of the prefix followed by that many zero bytes: a bomb that costs nothing to make. */
  static byte[] gzipBomb(String prefix, long zeros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(prefix.getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 16];
      for (long n = 0; n < zeros; n += block.length) {
        gz.write(block, 0, (int) Math.min(block.length, zeros - n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
