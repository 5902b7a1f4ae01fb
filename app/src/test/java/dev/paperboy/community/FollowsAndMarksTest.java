package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follows and a reader's marks on papers, on the test run's database. */
class FollowsAndMarksTest {

  static final String PAPER = "2608.19880";

  @TempDir Path dir;
  CommunityFixture f;
  Follows follows;
  Feedback feedback;
  User ada;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T18:00:00Z");
    f.importing("web/2026-08-21.json");
    follows = f.services.follows();
    feedback = f.services.feedback();
    ada = f.user("ada");
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void followingTwiceKeepsOneFollowAndUnfollowingRemovesIt() {
    follows.follow(ada, Follows.Kind.AUTHOR, "chengsong huang", "Chengsong Huang");
    follows.follow(ada, Follows.Kind.AUTHOR, "chengsong huang", "Chengsong Huang");
    follows.follow(ada, Follows.Kind.TOPIC, "  KV   Cache ", "KV cache");
    List<Follows.Follow> all = follows.of(ada.id());
    assertEquals(2, all.size(), all.toString());
    assertTrue(follows.follows(ada, Follows.Kind.TOPIC, "kv cache"), "topics compare by words");
    assertTrue(
        follows.follows(ada, Follows.Kind.TOPIC, "kv\u0000cache"),
        "control characters (a NUL PostgreSQL refuses) are spaces");
    assertEquals("kv cache", all.get(1).key());

    follows.unfollow(ada, Follows.Kind.AUTHOR, "chengsong huang");
    assertFalse(follows.follows(ada, Follows.Kind.AUTHOR, "chengsong huang"));
    assertEquals(1, follows.of(ada.id()).size());
  }

  @Test
  void aReaderFollowsAtMostFiveHundredThings() {
    for (int i = 0; i < Follows.MAX; i++) {
      follows.follow(ada, Follows.Kind.TOPIC, "topic " + i, null);
    }
    Refusal r =
        assertThrows(
            Refusal.class, () -> follows.follow(ada, Follows.Kind.TOPIC, "one more", null));
    assertTrue(r.getMessage().contains("the most allowed"), r.getMessage());
    follows.follow(ada, Follows.Kind.TOPIC, "topic 7", null); // one already followed is no new row
    assertEquals(Follows.MAX, follows.of(ada.id()).size());
  }

  @Test
  void anEmptyOrOverlongFollowIsRefused() {
    assertThrows(Refusal.class, () -> follows.follow(ada, Follows.Kind.TOPIC, "  ", null));
    assertThrows(
        Refusal.class, () -> follows.follow(ada, Follows.Kind.TOPIC, "x".repeat(201), null));
    assertThrows(Refusal.class, () -> Follows.Kind.parse("planet"));
  }

  @Test
  void marksToggleAndARowWithoutMarksIsGone() {
    assertEquals(
        Feedback.State.NONE,
        feedback.of(ada, List.of(PAPER)).getOrDefault(PAPER, Feedback.State.NONE));
    feedback.set(ada, PAPER, Feedback.Mark.SAVED, true);
    Feedback.State both = feedback.set(ada, PAPER, Feedback.Mark.READ, true);
    assertTrue(both.saved() && both.read() && !both.hidden(), both.toString());
    assertEquals(List.of(PAPER), feedback.marked(ada.id(), Feedback.Mark.SAVED, 10));

    feedback.set(ada, PAPER, Feedback.Mark.SAVED, false);
    feedback.set(ada, PAPER, Feedback.Mark.READ, false);
    assertTrue(feedback.of(ada, List.of(PAPER)).isEmpty());
    long rows =
        f.db.read(c -> dev.paperboy.storage.Sql.count(c, "SELECT COUNT(*) FROM paper_feedback"));
    assertEquals(0, rows);
  }

  @Test
  void markingAPaperThatIsNotStoredIsRefused() {
    Refusal r =
        assertThrows(
            Refusal.class, () -> feedback.set(ada, "2601.00001", Feedback.Mark.HIDDEN, true));
    assertEquals(Refusal.Kind.NOT_FOUND, r.kind());
  }
}
