package dev.paperboy.lucene;

import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * A read-only view of an index that another process (a server) writes, taking no lock: it reads the
 * latest commit, refreshed before each search. For command-line jobs that run beside the server,
 * such as a digest run.
 */
final class LuceneReader implements PaperIndex {

  private final FSDirectory directory;
  private final SearcherManager searchers;
  private final LuceneSearcher searcher;

  private LuceneReader(FSDirectory directory) throws IOException {
    this.directory = directory;
    this.searchers = new SearcherManager(directory, null);
    this.searcher = new LuceneSearcher(searchers, Analyzers.create());
  }

  /** The index at {@code path}, or empty when none has been built there yet. */
  static Optional<LuceneReader> open(Path path) {
    try {
      FSDirectory dir = FSDirectory.open(path);
      if (!DirectoryReader.indexExists(dir)) {
        dir.close();
        return Optional.empty();
      }
      return Optional.of(new LuceneReader(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index at " + path, e);
    }
  }

  @Override
  public String id() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return ((DirectoryReader) s.getIndexReader())
            .getIndexCommit()
            .getUserData()
            .getOrDefault(LuceneIndex.INDEX_ID, "");
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean writable() {
    return false;
  }

  @Override
  public void put(Collection<Document> documents) {
    throw readOnly();
  }

  @Override
  public void delete(Collection<String> ids) {
    throw readOnly();
  }

  @Override
  public void commit() {
    throw readOnly();
  }

  @Override
  public PaperIndex emptyForRebuild() {
    throw readOnly();
  }

  @Override
  public void replaceWith(PaperIndex rebuilt) {
    throw readOnly();
  }

  @Override
  public void optimize() {
    throw readOnly();
  }

  private static IllegalStateException readOnly() {
    return new IllegalStateException("this search index is written by another Paperboy process");
  }

  @Override
  public Optional<String> respell(String query) {
    return searcher.respell(query);
  }

  @Override
  public Matches keyword(SearchRequest request, int n) {
    refresh();
    return searcher.keyword(request, n);
  }

  @Override
  public List<Scored> nearest(float[] vector, int k, SearchRequest filters, String exceptId) {
    refresh();
    return searcher.nearest(vector, k, filters, exceptId);
  }

  @Override
  public Map<String, Highlight> highlight(SearchRequest request, List<String> ids) {
    return searcher.highlight(request, ids);
  }

  private void refresh() {
    try {
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the latest search index commit", e);
    }
  }

  @Override
  public int count() {
    return searcher.count();
  }

  @Override
  public Optional<String> problem() {
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
