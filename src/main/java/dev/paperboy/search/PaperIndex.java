package dev.paperboy.search;

import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk Lucene index of papers. The database is the source of truth: each commit records the
 * database's change stamp it has caught up to, so a crash between a database write and an index
 * commit is repaired by re-indexing what changed since.
 */
public final class PaperIndex implements AutoCloseable {

  static final String WATERMARK = "paperboy.changed-up-to";

  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);

  private final Directory directory;
  private final Analyzer analyzer = Analyzers.create();
  private volatile Open open;

  /** A writer with the searchers that read through it. */
  private record Open(IndexWriter writer, SearcherManager searchers, PaperSearcher searcher) {}

  /**
   * Lucene's codec with the vectors' HNSW graph over 8-bit scalar-quantized copies (the float
   * vectors are kept for merging and exact rescoring).
   */
  private static final Codec CODEC =
      new Lucene104Codec() {
        private final KnnVectorsFormat vectors = new Lucene104HnswScalarQuantizedVectorsFormat();

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return vectors;
        }
      };

  PaperIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.open = openWriter();
  }

  private Open openWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    config.setCodec(CODEC);
    IndexWriter writer = new IndexWriter(directory, config);
    SearcherManager searchers = new SearcherManager(writer, null);
    return new Open(writer, searchers, new PaperSearcher(searchers, analyzer));
  }

  /**
   * The open writer. One that hit a tragic error (a failed flush on a full disk, say) is closed for
   * good, so a new one opens on the last commit; what the failed one lost changed after the
   * commit's watermark, and the next catch-up indexes it again.
   */
  private Open open() throws IOException {
    Open current = open;
    if (current.writer().isOpen()) {
      return current;
    }
    synchronized (this) {
      if (!open.writer().isOpen()) {
        log.warn(
            "The search index writer failed ({}); reopening it on the last commit",
            String.valueOf(open.writer().getTragicException()));
        try {
          open.searchers().close();
        } catch (IOException | RuntimeException e) {
          log.debug("closing the failed writer's searchers", e);
        }
        open = openWriter();
      }
      return open;
    }
  }

  public static PaperIndex open(Path path) {
    try {
      return new PaperIndex(FSDirectory.open(path));
    } catch (LockObtainFailedException e) {
      throw new IllegalStateException(
          "the search index at " + path + " is in use by another Paperboy process (a server?)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
  }

  /**
   * Adds or replaces the papers and commits, recording that the index is now current up to the
   * database change stamp {@code changedUpTo}.
   */
  public synchronized void index(
      Collection<Paper> papers, Map<String, float[]> vectors, String changedUpTo) {
    try {
      Open o = open();
      IndexWriter writer = o.writer();
      for (Paper p : papers) {
        Term id = new Term(PaperDocuments.ID, p.id());
        if (p.hidden()) {
          writer.deleteDocuments(id); // a moderator hid it: search must not find it
        } else {
          writer.updateDocument(id, PaperDocuments.of(p, vectors.get(p.id())));
        }
      }
      String current = watermark().orElse("");
      if (changedUpTo != null && changedUpTo.compareTo(current) > 0) {
        writer.setLiveCommitData(Map.of(WATERMARK, changedUpTo).entrySet());
      }
      writer.commit();
      o.searchers().maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("indexing " + papers.size() + " papers failed", e);
    }
  }

  /**
   * Merges the index into one segment: a query then searches one BM25 index and one HNSW graph
   * instead of one per segment (at 270K papers, hybrid p50 4.5 to 3.8 ms). Worth it after a
   * rebuild; a serving index is left to Lucene's merge policy.
   */
  public synchronized void mergeFully() {
    try {
      Open o = open();
      o.writer().forceMerge(1);
      o.writer().commit();
      o.searchers().maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("merging the index failed", e);
    }
  }

  /** Removes every document, for a rebuild from the database. */
  public synchronized void clear() {
    try {
      Open o = open();
      o.writer().deleteAll();
      o.writer().setLiveCommitData(Map.<String, String>of().entrySet());
      o.writer().commit();
      o.searchers().maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("clearing the index failed", e);
    }
  }

  /** The database change stamp the last commit caught up to; empty for a new index. */
  public Optional<String> watermark() {
    Iterable<Map.Entry<String, String>> data;
    try {
      data = open().writer().getLiveCommitData();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the search index", e);
    }
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(WATERMARK)) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  public int count() {
    try {
      SearcherManager searchers = open().searchers();
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Documents in the index at {@code path} without taking the writer's lock (0 if none). */
  public static int countDocuments(Path path) {
    try (FSDirectory dir = FSDirectory.open(path)) {
      if (!DirectoryReader.indexExists(dir)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index at " + path, e);
    }
  }

  public SearchResults search(
      SearchRequest request, float[] queryVector, SearchMode mode, boolean highlight) {
    return searcher().search(request, queryVector, mode, highlight);
  }

  /** The nearest papers to the vector, excluding {@code exceptId}. */
  public List<String> nearest(float[] vector, int k, String exceptId) {
    return searcher().nearest(vector, k, exceptId);
  }

  private PaperSearcher searcher() {
    try {
      return open().searcher();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the search index", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      open.searchers().close();
      if (open.writer().isOpen()) {
        open.writer().close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the search index failed", e);
    }
  }
}
