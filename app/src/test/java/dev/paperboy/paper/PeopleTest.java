package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestDatabases;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Author and organisation pages read the paper_authors rows the paper upsert writes. */
class PeopleTest {

  static final Organization GOOGLE = new Organization("google", "Google", "https://x/g.png");
  static final Organization META = new Organization("facebook", "AI at Meta", null);

  @TempDir Path dir;
  Database db;
  PaperStore store;
  People people;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    store = new PaperStore(db);
    people = new People(db);
    store.upsert(
        List.of(
            paper("2608.00001", "2026-08-18", 5, GOOGLE, "Jürgen Müller", "Ada Lovelace"),
            paper("2608.00002", "2026-08-19", 50, GOOGLE, "Jurgen Muller", "Ada Lovelace", "Bo Li"),
            paper("2608.00003", "2026-08-20", 9, META, "Jürgen Müller", "Bo Li"),
            paper("2608.00004", "2026-08-20", 1, null, "Ju\u0308rgen Mu\u0308ller", "Ada Lovelace"),
            paper("2608.00005", "2026-08-21", 7, GOOGLE, "Grace Hopper")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Paper paper(String id, String day, long upvotes, Organization org, String... authors) {
    return version(1, id, day, upvotes, org, authors);
  }

  static Paper version(
      int version, String id, String day, long upvotes, Organization org, String... authors) {
    return TestPapers.daily(id, version, LocalDate.parse(day), upvotes, org, List.of(authors));
  }

  @Test
  void spellingsWithAndWithoutAccentsAreOneAuthorNamedAsMostPapersWriteIt() {
    People.Author muller = people.author(AuthorKey.fold("JÜRGEN  MULLER.")).orElseThrow();
    assertEquals("jurgen muller", muller.key());
    assertEquals(4, muller.papers());
    assertEquals(
        "Jürgen Müller",
        muller.name(),
        "two papers write it so; one without accents, one with combining marks");
    assertEquals(
        List.of("2608.00004", "2608.00003", "2608.00002", "2608.00001"),
        people.papersBy(muller.key(), 0, 10).stream().map(Paper::id).toList(),
        "newest first, ties by id");
    assertEquals(
        List.of("2608.00002", "2608.00001"),
        people.papersBy(muller.key(), 2, 2).stream().map(Paper::id).toList());
    assertTrue(people.author("nobody at all").isEmpty());
  }

  @Test
  void coauthorsAreCountedMostFrequentFirstWithoutTheAuthor() {
    List<People.Author> with = people.coauthors("jurgen muller", 10);
    assertEquals(
        List.of(
            new People.Author("ada lovelace", "Ada Lovelace", 3),
            new People.Author("bo li", "Bo Li", 2)),
        with);
    assertEquals(1, people.coauthors("jurgen muller", 1).size(), "capped");
    assertEquals(List.of(), people.coauthors("grace hopper", 10));
  }

  @Test
  void anAuthorsOrganisationsAreTheOnesThatClaimedTheirPapers() {
    List<People.Org> orgs = people.organizationsOf("jurgen muller", 10);
    assertEquals(List.of(new People.Org(GOOGLE, 2), new People.Org(META, 1)), orgs);
    assertEquals(List.of(new People.Org(GOOGLE, 1)), people.organizationsOf("grace hopper", 10));
    assertEquals(List.of(), people.organizationsOf("nobody", 10));
  }

  @Test
  void anOrganisationListsItsPapersByDayItsTopPapersAndItsMembers() {
    assertEquals(new People.Org(GOOGLE, 3), people.organization("google").orElseThrow());
    assertTrue(people.organization("Google").isEmpty(), "handles are matched exactly");
    assertTrue(people.organization("nobody").isEmpty());
    assertEquals(
        List.of("2608.00005", "2608.00002", "2608.00001"),
        people.papersOf("google", 0, 10).stream().map(Paper::id).toList());
    assertEquals(
        List.of("2608.00001"), people.papersOf("google", 2, 10).stream().map(Paper::id).toList());
    assertEquals(
        List.of("2608.00002", "2608.00005"),
        people.topPapersOf("google", 2).stream().map(Paper::id).toList());
    List<People.Author> members = people.membersOf("google", 10);
    assertFalse(members.isEmpty());
    assertEquals(new People.Author("ada lovelace", "Ada Lovelace", 2), members.get(0));
    assertEquals(
        List.of("ada lovelace", "jurgen muller", "bo li", "grace hopper"),
        members.stream().map(People.Author::key).toList(),
        "most papers first, ties by key");
  }

  @Test
  void hiddenPapersCountForNobody() {
    db.transaction(c -> store.setHidden(c, "2608.00005", true));
    assertTrue(people.author("grace hopper").isEmpty());
    assertEquals(2, people.organization("google").orElseThrow().papers());
  }

  @Test
  void aNewerVersionWithOtherAuthorsMovesThePaper() {
    store.upsert(
        List.of(version(2, "2608.00005", "2026-08-21", 7, GOOGLE, "Grace Brewster Hopper")));
    assertTrue(people.author("grace hopper").isEmpty());
    assertEquals(1, people.author("grace brewster hopper").orElseThrow().papers());
  }

  @Test
  void papersStoredBeforeTheTableExistedAreListedOnceAtStartUp() {
    db.transaction(
        c -> {
          Sql.update(c, "DELETE FROM paper_authors");
          return Sql.update(
              c, "INSERT INTO paper_authors_backfill (pending) VALUES (1) ON CONFLICT DO NOTHING");
        });
    assertTrue(people.author("jurgen muller").isEmpty());
    store.listAuthorsOfStoredPapers();
    assertEquals(4, people.author("jurgen muller").orElseThrow().papers());
    assertEquals(0L, rows("paper_authors_backfill"));
    long rows = rows("paper_authors");
    assertEquals(10L, rows, "one row per author of each of the five papers");
    store.listAuthorsOfStoredPapers();
    assertEquals(rows, rows("paper_authors"), "a second start lists nothing again");
  }

  private long rows(String table) {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM " + table));
  }
}
