package dev.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Keyword search over an index that another process writes (a running server), taking no lock: it
 * reads the last commit. For command-line jobs that run beside the server, such as digests.
 */
public final class ReadOnlyIndex implements AutoCloseable {

  private final FSDirectory directory;
  private final SearcherManager searchers;
  private final PaperSearcher searcher;

  private ReadOnlyIndex(FSDirectory directory) throws IOException {
    this.directory = directory;
    this.searchers = new SearcherManager(directory, null);
    this.searcher = new PaperSearcher(searchers, Analyzers.create());
  }

  /** The index at {@code path}, or empty when none has been built there yet. */
  public static Optional<ReadOnlyIndex> open(Path path) {
    try {
      FSDirectory dir = FSDirectory.open(path);
      if (!DirectoryReader.indexExists(dir)) {
        dir.close();
        return Optional.empty();
      }
      return Optional.of(new ReadOnlyIndex(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index at " + path, e);
    }
  }

  /** The ids of the papers matching the request's words, best first. */
  public List<String> keywordIds(SearchRequest request) {
    return searcher.search(request, null, SearchMode.KEYWORD, false).hits().stream()
        .map(SearchResults.Hit::id)
        .toList();
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
