package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named collections: public ones for anyone with the link, private ones for their owner only. */
class CollectionsTest {

  @TempDir Path dir;
  CommunityFixture f;
  PaperCollections collections;
  User ada;
  User bob;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T18:00:00Z");
    f.importing("web/2026-08-21.json");
    collections = f.services.collections();
    ada = f.user("ada");
    bob = f.user("bob");
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void papersAreAddedOnceNewestFirstAndRemoved() {
    var agents = collections.create(ada, "Agents", "Agent papers", true);
    collections.add(ada, agents.id(), "2608.19880");
    f.clock.advance(java.time.Duration.ofMinutes(1));
    collections.add(ada, agents.id(), "2608.20335");
    collections.add(ada, agents.id(), "2608.19880");
    assertEquals(List.of("2608.20335", "2608.19880"), collections.paperIds(agents.id()));
    assertEquals(List.of(agents.id()), collections.holding(ada, "2608.19880"));
    collections.remove(ada, agents.id(), "2608.19880");
    assertEquals(List.of("2608.20335"), collections.paperIds(agents.id()));
  }

  @Test
  void aPublicCollectionIsSharedAndAPrivateOneIsNotThere() {
    var shared = collections.create(ada, "Reading group", "", true);
    var mine = collections.create(ada, "Someday", "", false);
    assertTrue(collections.find(shared.id(), null).isPresent(), "signed out, with the link");
    assertTrue(collections.find(mine.id(), bob).isEmpty());
    assertTrue(collections.find(mine.id(), ada).isPresent());
    assertEquals(
        List.of("Reading group"),
        collections.ofUser(ada.id(), bob).stream().map(PaperCollections.Collection::name).toList());
    assertEquals(2, collections.ofUser(ada.id(), ada).size());
  }

  @Test
  void onlyTheOwnerChangesACollection() {
    var shared = collections.create(ada, "Reading group", "", true);
    Refusal r = assertThrows(Refusal.class, () -> collections.add(bob, shared.id(), "2608.19880"));
    assertEquals(Refusal.Kind.FORBIDDEN, r.kind());
    var hidden = collections.create(ada, "Secret", "", false);
    assertEquals(
        Refusal.Kind.NOT_FOUND,
        assertThrows(Refusal.class, () -> collections.delete(bob, hidden.id())).kind(),
        "a private collection does not even exist for others");
  }

  @Test
  void namesAreUniquePerOwnerAndValidated() {
    collections.create(ada, "Agents", "", true);
    assertEquals(
        Refusal.Kind.CONFLICT,
        assertThrows(Refusal.class, () -> collections.create(ada, "Agents", "", false)).kind());
    collections.create(bob, "Agents", "", true);
    assertThrows(Refusal.class, () -> collections.create(ada, "   ", "", true));
    assertThrows(Refusal.class, () -> collections.create(ada, "x".repeat(81), "", true));
  }
}
