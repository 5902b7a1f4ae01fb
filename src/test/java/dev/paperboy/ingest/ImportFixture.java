package dev.paperboy.ingest;

import dev.paperboy.TestApps;
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
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** A real SQLite file, and input files the test writes into its temporary directory. */
final class ImportFixture implements AutoCloseable {

  final Path dir;
  final Database db;
  final PaperStore store;

  ImportFixture(Path dir) {
    this.dir = dir;
    this.db = Database.open(dir.resolve("paperboy.db"));
    this.store = new PaperStore(db);
  }

  ImportReport importing(ImportLimits limits, Path... files) {
    return new ImportJob(store, new PrintStream(OutputStream.nullOutputStream()), limits)
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

  @Override
  public void close() {
    db.close();
  }
}
