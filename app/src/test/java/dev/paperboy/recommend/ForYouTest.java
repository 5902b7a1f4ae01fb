package dev.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForYouTest {

  private static Item paper(String id, String title, String author, String org, long upvotes) {
    return new Item(
        id,
        title,
        title + " and more words about " + title,
        null,
        List.of(author),
        List.of(author.toLowerCase()),
        org,
        List.of("cs.LG"),
        upvotes,
        null);
  }

  private static final List<Item> PERIOD =
      List.of(
          paper("1", "kv cache compression for long context", "Ada", "lab", 5),
          paper("2", "diffusion models for video generation", "Bo", "studio", 50),
          paper("3", "quantised kv cache for inference", "Cy", null, 1),
          paper("4", "robot grasping with tactile sensing", "Di", null, 30),
          paper("5", "protein folding with language models", "Ed", null, 10));

  private static Profile likes(List<Item> liked, Set<String> hidden, Set<String> read) {
    return new Profile(liked, hidden, read, Set.of(), Set.of(), Set.of(), List.of());
  }

  private static List<String> ids(List<Ranked> ranked) {
    return ranked.stream().map(r -> r.item().id()).toList();
  }

  @Test
  void aColdReaderGetsTheTrendingOrderAndEveryCardSaysSo() {
    List<Ranked> ranked = new ForYou().rank(Profile.EMPTY, PERIOD, 10);
    assertEquals(List.of("2", "4", "5", "1", "3"), ids(ranked));
    assertTrue(ranked.stream().allMatch(r -> r.reasons().get(0).kind() == Reason.Kind.TRENDING));
  }

  @Test
  void withoutLikesAFollowedTopicComesFirstAndSaysWhichTopic() {
    Profile topics =
        new Profile(
            List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of("kv cache"));
    List<Ranked> ranked = new ForYou().rank(topics, PERIOD, 2);
    assertEquals(Set.of("1", "3"), Set.copyOf(ids(ranked)));
    assertEquals(
        new Reason(Reason.Kind.TOPIC, "kv cache", "kv cache"), ranked.get(0).reasons().get(0));
  }

  @Test
  void likedPapersPullTheirNeighboursUpAndTheCardNamesTheNearestLike() {
    Item liked = paper("0", "kv cache eviction for long context inference", "Zed", null, 3);
    List<Ranked> ranked = new ForYou().rank(likes(List.of(liked), Set.of(), Set.of()), PERIOD, 5);
    assertEquals(Set.of("1", "3"), Set.copyOf(ids(ranked).subList(0, 2)));
    Reason reason = ranked.get(0).reasons().get(0);
    assertEquals(Reason.Kind.LIKE, reason.kind());
    assertEquals("0", reason.ref());
    assertEquals(liked.title(), reason.label());
  }

  @Test
  void aHiddenPaperNeverAppearsAndAReadOneSinksBelowEveryUnreadOne() {
    Item liked = paper("0", "kv cache eviction for long context inference", "Zed", null, 3);
    List<Ranked> ranked =
        new ForYou().rank(likes(List.of(liked), Set.of("3"), Set.of("1")), PERIOD, 10);
    assertEquals(4, ranked.size());
    assertFalse(ids(ranked).contains("3"));
    assertEquals("1", ids(ranked).get(3));
  }

  @Test
  void aFollowedAuthorOrOrganisationIsNamedOnTheCard() {
    Profile follows =
        new Profile(
            List.of(), Set.of(), Set.of(), Set.of("di"), Set.of("studio"), Set.of(), List.of());
    List<Ranked> ranked = new ForYou().rank(follows, PERIOD, 2);
    List<Reason> reasons = new ArrayList<>();
    ranked.forEach(r -> reasons.addAll(r.reasons()));
    assertTrue(reasons.contains(new Reason(Reason.Kind.AUTHOR, "Di", "di")), reasons.toString());
    assertTrue(
        reasons.contains(new Reason(Reason.Kind.ORGANIZATION, "studio", "studio")),
        reasons.toString());
  }

  @Test
  void embeddingsAloneAlsoCountWhenTheWordsSayNothing() {
    Item a =
        new Item("a", "", "", new float[] {1, 0}, List.of(), List.of(), null, List.of(), 0, null);
    Item near =
        new Item(
            "n", "", "", new float[] {0.9f, 0.1f}, List.of(), List.of(), null, List.of(), 0, null);
    Item far =
        new Item("f", "", "", new float[] {0, 1}, List.of(), List.of(), null, List.of(), 0, null);
    List<Ranked> ranked =
        new ForYou().rank(likes(List.of(a), Set.of(), Set.of()), List.of(far, near), 2);
    assertEquals(List.of("n", "f"), ids(ranked));
  }
}
