package dev.paperboy.search;

import dev.paperboy.TestApps;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link CrashRepairTest} kills: a serving process's search side, following the
 * database in the background, while new versions of a real listing day's papers arrive in small
 * batches, round after round, until it is killed. Round {@code r} raises every paper's version by
 * one and puts the word {@code epochmark<r>} in its abstract; each committed batch is announced on
 * standard output.
 */
public final class ImportUntilKilled {

  static final String MARK = "epochmark";
  static final int BATCH = 25;

  private ImportUntilKilled() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Database db = Database.open(dir.resolve("paperboy.db"));
    PaperStore served = new PaperStore(db);
    Search search = TestSearches.keywordOnly(db, dir.resolve("index"));
    new ImportJob(served, new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(TestApps.resource("web/2026-07-01.jsonl.gz")));
    search.start(java.time.Duration.ofMillis(20));
    // the new versions come through another store, as they do from an `import` run beside a
    // server: the follower brings them into the index from the change log
    PaperStore store = new PaperStore(db);
    List<Paper> originals = new ArrayList<>();
    store.forEach(1000, originals::addAll);
    for (int round = 1; ; round++) {
      for (int i = 0; i < originals.size(); i += BATCH) {
        List<Paper> batch = new ArrayList<>();
        for (Paper p : originals.subList(i, Math.min(originals.size(), i + BATCH))) {
          batch.add(nextVersion(p, round));
        }
        store.upsert(batch);
        System.out.println("stored round " + round + " batch " + (i / BATCH + 1));
        System.out.flush();
      }
    }
  }

  static Paper nextVersion(Paper p, int round) {
    return new Paper(
        p.id(),
        p.version() + round,
        p.title(),
        p.abstractText() + " " + MARK + round,
        p.authors(),
        p.categories(),
        p.published(),
        p.updated(),
        p.dailyDate(),
        p.upvotes(),
        p.numComments(),
        p.organization(),
        p.githubRepo(),
        p.githubStars(),
        p.projectPage(),
        p.thumbnail(),
        p.aiSummary(),
        p.aiKeywords(),
        p.comment(),
        p.journalRef(),
        p.doi(),
        p.submittedBy(),
        p.sources(),
        Paper.Community.NONE,
        false);
  }
}
