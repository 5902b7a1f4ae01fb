package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins hide papers and comments and block users; each action is logged with who and when. */
class ModerationTest {

  static final LocalDate AUG_21 = LocalDate.of(2026, 8, 21);

  @TempDir Path dir;
  CommunityFixture f;
  Moderation moderation;
  User admin;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T18:00:00Z");
    f.importing("web/2026-08-21.json");
    moderation = f.services.moderation();
    admin = f.admin("root");
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aHiddenPaperLeavesTheFeedUntilShownAgainAndTheLogSaysWhoAndWhy() {
    moderation.setPaperHidden(admin, "2608.19880", true, "duplicate of 2608.11111");
    List<String> feed =
        f.papers.feed(AUG_21, AUG_21, PaperStore.Order.UPVOTES, 0, 50).stream()
            .map(Paper::id)
            .toList();
    assertEquals(16, feed.size());
    assertTrue(f.papers.find("2608.19880").orElseThrow().hidden());
    moderation.setPaperHidden(admin, "2608.19880", false, null);
    assertEquals(17, f.papers.count(AUG_21, AUG_21));
    List<Moderation.Entry> log = moderation.log(10);
    assertEquals(
        List.of("show paper", "hide paper"), log.stream().map(Moderation.Entry::action).toList());
    assertEquals("root", log.get(1).adminName());
    assertEquals("duplicate of 2608.11111", log.get(1).reason());
    assertEquals(f.clock.instant(), log.get(1).at());
  }

  @Test
  void blockingAUserWithdrawsTheirVotesAndHidesTheirComments() {
    User spammer = f.user("spammer");
    f.services.votes().toggle(spammer, "2608.19880");
    f.services.comments().post(spammer, "2608.19880", null, "Cheap pills");
    moderation.setBlocked(admin, spammer.id(), true, "spam");
    Paper p = f.papers.find("2608.19880").orElseThrow();
    assertEquals(163, p.totalUpvotes());
    assertEquals(0, p.community().comments());
    assertTrue(f.reload(spammer).blocked());
    assertEquals("spam (1 comments hidden)", moderation.log(1).get(0).reason());
  }

  @Test
  void onlyAdminsModerateAndAdminsCannotBeBlocked() {
    User ada = f.user("ada");
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> moderation.setPaperHidden(ada, "2608.19880", true, ""))
            .kind());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> moderation.setBlocked(ada, admin.id(), true, "")).kind());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class, () -> moderation.setBlocked(admin, f.admin("other").id(), true, ""))
            .kind());
    assertTrue(moderation.log(10).isEmpty());
  }
}
