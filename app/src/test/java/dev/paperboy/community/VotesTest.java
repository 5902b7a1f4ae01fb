package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.feed.FeedService;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upvotes: one per user per paper, added to the imported count, ranking feeds and trending. */
class VotesTest {

  static final LocalDate AUG_21 = LocalDate.of(2026, 8, 21);

  @TempDir Path dir;
  CommunityFixture f;
  Votes votes;

  @BeforeEach
  void open() {
    f = new CommunityFixture(dir, "2026-08-21T18:00:00Z");
    f.importing("web/2026-08-20.json", "web/2026-08-21.json");
    votes = f.services.votes();
  }

  @AfterEach
  void close() {
    f.close();
  }

  List<String> day(LocalDate d) {
    return f.papers.feed(d, d, PaperStore.Order.UPVOTES, 0, 50).stream().map(Paper::id).toList();
  }

  @Test
  void aVoteTogglesAndAddsToTheImportedCount() {
    User ada = f.user("ada");
    assertEquals(new Votes.Toggled(true, 164), votes.toggle(ada, "2608.19880"));
    assertEquals(Set.of("2608.19880"), votes.votedBy(ada, List.of("2608.19880", "2608.18580")));
    Paper p = f.papers.find("2608.19880").orElseThrow();
    assertEquals(163, p.upvotes(), "the Hugging Face count is kept apart");
    assertEquals(164, p.totalUpvotes());
    assertEquals(new Votes.Toggled(false, 163), votes.toggle(ada, "2608.19880"));
    assertTrue(votes.votedBy(ada, List.of("2608.19880")).isEmpty());
  }

  @Test
  void eachUserCountsOnceAndSeesWhatTheyUpvoted() {
    User ada = f.user("ada");
    for (User u : List.of(ada, f.user("bob"), f.user("cy"))) {
      votes.toggle(u, "2608.19863");
    }
    assertEquals(4, f.papers.find("2608.19863").orElseThrow().totalUpvotes());
    f.clock.advance(java.time.Duration.ofMinutes(1));
    votes.toggle(ada, "2608.19880");
    assertEquals(
        List.of("2608.19880", "2608.19863"), votes.upvotedBy(ada.id(), 5), "latest vote first");
  }

  @Test
  void theDayFeedRanksByImportedPlusLocalVotes() {
    List<String> before = day(AUG_21);
    assertTrue(before.indexOf("2608.19863") > before.indexOf("2608.19861"), before.toString());
    for (String name : List.of("ada", "bob", "cy")) {
      votes.toggle(f.user(name), "2608.19863");
    }
    List<String> after = day(AUG_21);
    assertTrue(after.indexOf("2608.19863") < after.indexOf("2608.19861"), after.toString());
    assertTrue(after.indexOf("2608.19863") < after.indexOf("2608.19758"), "4 = 4, higher id first");
  }

  @Test
  void trendingLetsAYoungerPaperPassAnOlderOneWithMoreVotes() {
    FeedService feeds = new FeedService(f.papers);
    List<String> byVotes =
        f.papers.feed(AUG_21.minusDays(1), AUG_21, PaperStore.Order.UPVOTES, 0, 50).stream()
            .map(Paper::id)
            .toList();
    List<String> trending = feeds.trending(0, 50).papers().stream().map(Paper::id).toList();
    assertEquals(32, trending.size());
    assertEquals("2608.19880", trending.get(0));
    // 92 votes two days old against 54 votes one day old: 92/50^1.5 = 0.26 < 54/26^1.5 = 0.41
    assertTrue(byVotes.indexOf("2608.16590") < byVotes.indexOf("2608.18580"));
    assertTrue(
        trending.indexOf("2608.18580") < trending.indexOf("2608.16590"), trending.toString());
  }

  @Test
  void aHiddenPaperCannotBeVotedFor() {
    f.services.moderation().setPaperHidden(f.admin("root"), "2608.19880", true, "duplicate");
    Refusal r = assertThrows(Refusal.class, () -> votes.toggle(f.user("ada"), "2608.19880"));
    assertEquals(Refusal.Kind.NOT_FOUND, r.kind());
    assertFalse(day(AUG_21).contains("2608.19880"), "hidden papers leave the feed");
  }

  @Test
  void votingFasterThanOncePerSecondForAMinuteIsRefused() {
    User ada = f.user("ada");
    for (int i = 0; i < 60; i++) {
      votes.toggle(ada, "2608.19880");
    }
    Refusal r = assertThrows(Refusal.class, () -> votes.toggle(ada, "2608.19880"));
    assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
    assertEquals(163, f.papers.find("2608.19880").orElseThrow().totalUpvotes(), "60 toggles: even");
  }
}
