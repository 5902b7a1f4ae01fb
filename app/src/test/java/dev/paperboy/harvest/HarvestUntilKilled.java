package dev.paperboy.harvest;

import dev.paperboy.TestClock;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * The process {@link HarvestKilledTest} kills: harvests the "testing" search from the arXiv at
 * {@code args[1]} into the database in {@code args[0]}, announcing each committed page.
 */
public final class HarvestUntilKilled {

  private HarvestUntilKilled() {}

  public static void main(String[] args) {
    TestClock clock = TestClock.at("2026-08-21T22:00:00Z");
    Database db = Database.open(Path.of(args[0]).resolve("paperboy.db"));
    Harvests harvests = new Harvests(db, new PaperStore(db), clock);
    ArxivApiClient client = TestingSearch.client(URI.create(args[1]), clock);
    int[] page = {0};
    harvests.run(
        TestingSearch.source(client),
        false,
        new PrintStream(OutputStream.nullOutputStream()),
        () -> {
          System.out.println("committed page " + ++page[0]);
          System.out.flush();
        });
  }
}
