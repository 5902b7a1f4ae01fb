package dev.paperboy.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperChanges;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.paper.TestPapers;
import dev.paperboy.search.Search;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index survives a failing disk without a restart, and the database loses nothing. */
class IndexRecoveryTest {

  @TempDir Path dir;

  /** A directory whose writes fail while {@code full} is set, like a disk that filled up. */
  static final class FillingDisk extends FilterDirectory {
    volatile boolean full;

    FillingDisk(Path path) throws IOException {
      super(FSDirectory.open(path));
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (full) {
        throw new IOException("No space left on device (writing " + name + ")");
      }
      return super.createOutput(name, context);
    }
  }

  static Paper paper(String id, String title) {
    return TestPapers.listing(id, 1, title);
  }

  static List<String> ids(Search search, String q) {
    return search.service().search(SearchRequest.of(q, 10)).hits().stream()
        .map(SearchResults.Hit::id)
        .toList();
  }

  @Test
  void aFailedFlushLosesNoPaperAndSearchRecoversWithoutARestart() throws IOException {
    FillingDisk disk = new FillingDisk(dir.resolve("index"));
    try (Database db = Database.open(dir.resolve("p.db"))) {
      PaperStore papers = new PaperStore(db);
      try (Search search =
          new Search(
              new LuceneIndex(disk),
              papers,
              new PaperVectors(db),
              new PaperChanges(db),
              "none",
              "test",
              new Leases(db, "test", Clock.systemUTC()))) {
        fillAndFree(search, papers, disk);
      }
    }
  }

  private static void fillAndFree(Search search, PaperStore papers, FillingDisk disk) {
    papers.upsert(List.of(paper("2608.00001", "Sparse attention kernels")));
    search.follower().catchUp(null);
    assertEquals(List.of("2608.00001"), ids(search, "sparse attention"));

    disk.full = true;
    // the database write stands even though indexing it fails
    papers.upsert(List.of(paper("2608.00002", "Quantum error correction codes")));
    assertEquals(2, papers.countAll());
    assertThrows(UncheckedIOException.class, () -> search.follower().catchUp(null));

    disk.full = false;
    assertEquals(
        1, search.follower().catchUp(null), "the paper the full disk missed is indexed now");
    assertEquals(List.of("2608.00002"), ids(search, "quantum error correction"));
    assertEquals(List.of("2608.00001"), ids(search, "sparse attention"));
    papers.upsert(List.of(paper("2608.00003", "Graph transformers for molecules")));
    assertEquals(1, search.follower().catchUp(null));
    assertEquals(
        List.of("2608.00003"), ids(search, "graph transformers"), "the writer works again");
    assertEquals(3, search.indexedCount());
  }
}
