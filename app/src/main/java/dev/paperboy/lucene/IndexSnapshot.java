package dev.paperboy.lucene;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A copy of the index's latest commit, taken while a server writes it and holds its lock. Lucene
 * never changes a file once written, so the commit's files are hard-linked into a staging folder
 * beside the index (which takes an instant), then copied out at leisure. A commit or merge that
 * deletes a file between reading the commit and linking it makes the snapshot start again on the
 * newer commit.
 */
public final class IndexSnapshot {

  static final int ATTEMPTS = 20;

  /** What was copied: the commit's files, its documents and the index's id. */
  public record Copied(List<String> files, long bytes, int documents, String indexId) {

    public static final Copied NONE = new Copied(List.of(), 0, 0, "");
  }

  private IndexSnapshot() {}

  /**
   * Copies the latest commit of the index at {@code indexDir} into {@code target} (which must not
   * exist); {@link Copied#NONE} when there is no index yet.
   *
   * @param staging a folder to create on the index's file system, removed afterwards
   */
  public static Copied copy(Path indexDir, Path target, Path staging, PrintStream progress) {
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        return Copied.NONE;
      }
      try {
        List<String> files = linkLatestCommit(dir, indexDir, staging, progress);
        Files.createDirectories(target);
        long bytes = 0;
        for (String f : files) {
          Files.copy(staging.resolve(f), target.resolve(f));
          bytes += Files.size(target.resolve(f));
        }
        return read(target, files, bytes);
      } finally {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("copying the search index failed: " + e.getMessage(), e);
    }
  }

  private static List<String> linkLatestCommit(
      FSDirectory dir, Path indexDir, Path staging, PrintStream progress) throws IOException {
    for (int attempt = 1; ; attempt++) {
      deleteTree(staging);
      Files.createDirectories(staging);
      SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
      List<String> files = commit.files(true).stream().sorted().toList();
      try {
        for (String f : files) {
          link(indexDir.resolve(f), staging.resolve(f));
        }
        return files;
      } catch (NoSuchFileException raced) {
        if (attempt == ATTEMPTS) {
          throw new IOException(
              "the index changed under every one of " + ATTEMPTS + " snapshots", raced);
        }
        progress.printf(
            Locale.ROOT,
            "index: commit %d was replaced while linking; again%n",
            commit.getGeneration());
      }
    }
  }

  /** A hard link, or a copy where the file system has none (the file is open once it is read). */
  private static void link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (NoSuchFileException gone) {
      throw gone;
    } catch (UnsupportedOperationException | FileSystemException noLinks) {
      Files.copy(from, to);
    }
  }

  private static Copied read(Path copy, List<String> files, long bytes) throws IOException {
    try (FSDirectory dir = FSDirectory.open(copy);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      return new Copied(
          files, bytes, reader.numDocs(), data.getOrDefault(LuceneIndex.INDEX_ID, ""));
    }
  }

  /** True when a process (a server) holds the index's write lock. */
  public static boolean inUse(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      return false;
    }
    try (FSDirectory dir = FSDirectory.open(indexDir);
        Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
      return false;
    } catch (LockObtainFailedException held) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the search index lock at " + indexDir, e);
    }
  }

  /** Removes the staging folder, which holds only the linked files. */
  private static void deleteTree(Path staging) throws IOException {
    if (Files.isDirectory(staging)) {
      try (Stream<Path> files = Files.list(staging)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
    Files.deleteIfExists(staging);
  }
}
