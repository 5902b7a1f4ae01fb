package dev.paperboy.observe;

import dev.paperboy.search.Search;
import dev.paperboy.storage.Database;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this server can answer: the database takes a trivial query and the search index can be
 * read. How far the index and the embeddings lag behind the database is reported beside, but does
 * not make the server unready: it answers, with fewer search results for a while.
 */
public final class Readiness {

  /**
   * What {@code /readyz} answers.
   *
   * @param indexLag paper changes the index has not caught up with yet (-1 when unknown)
   * @param embeddingBacklog papers without a vector yet (-1 when unknown)
   * @param problems why the server is not ready; empty when it is
   */
  public record Report(
      String status,
      String database,
      String index,
      long indexLag,
      long embeddingBacklog,
      List<String> problems) {

    public boolean ready() {
      return problems.isEmpty();
    }
  }

  private final Database database;
  private final Search search;

  public Readiness(Database database, Search search) {
    this.database = database;
    this.search = search;
  }

  public Report check() {
    List<String> problems = new ArrayList<>();
    String db = "ok";
    try {
      database.ping();
    } catch (RuntimeException e) {
      db = "unreachable";
      problems.add("database: " + e.getMessage());
    }
    String index = search.indexProblem().orElse(null);
    // a search cluster out of reach takes search away on every node alike, while feeds and pages
    // still work: this node stays in service and search says what is wrong
    if (index != null && !search.indexShared()) {
      problems.add("search index: " + index);
    }
    long lag = -1;
    long backlog = -1;
    if (problems.isEmpty()) {
      try {
        lag = search.follower().lag();
        backlog = search.backlog().size();
      } catch (RuntimeException e) {
        problems.add("database: " + e.getMessage());
      }
    }
    return new Report(
        problems.isEmpty() ? "ready" : "not ready",
        db,
        index == null ? "ok" : search.indexShared() ? "unreachable" : "unreadable",
        lag,
        backlog,
        List.copyOf(problems));
  }
}
