package dev.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.harvest.FakeArxiv;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Submissions: a stored paper joins today's feed at once, an unknown one is fetched from arXiv
 * (replayed from recordings) by the background worker, and every refusal says why.
 */
class SubmissionsTest {

  @TempDir Path dir;
  CommunityFixture f;

  CommunityFixture at(String now) {
    f = new CommunityFixture(dir, now);
    return f;
  }

  @AfterEach
  void close() {
    f.close();
  }

  Submissions submissions() {
    return f.services.submissions();
  }

  Refusal refused(User user, String id) {
    return assertThrows(Refusal.class, () -> submissions().submit(user, id, ""));
  }

  /** The request an outcome left pending, once the worker has run over it. */
  Submissions.Request afterTheWorker(User user, Submissions.Outcome outcome) {
    var pending = assertInstanceOf(Submissions.Outcome.Pending.class, outcome);
    assertTrue(f.arxiv.requests().isEmpty(), "nothing is fetched on the request");
    assertEquals(1, submissions().processPending());
    return submissions().request(pending.requestId(), user).orElseThrow();
  }

  @Test
  void aStoredListingPaperJoinsTodaysFeedWithTheSubmittersComment() {
    at("2025-03-24T09:00:00Z").importing("ingest/listings");
    User ada = f.user("ada");
    var outcome = submissions().submit(ada, "https://arxiv.org/abs/2503.15617v2", "Worth a *read*");
    Paper paper = assertInstanceOf(Submissions.Outcome.Accepted.class, outcome).paper();
    LocalDate today = LocalDate.of(2025, 3, 24);
    assertEquals(today, paper.dailyDate());
    assertEquals(
        List.of("2503.15617"),
        f.papers.feed(today, today, PaperStore.Order.UPVOTES, 0, 10).stream()
            .map(Paper::id)
            .toList());
    assertEquals("ada", submissions().forPapers(List.of("2503.15617")).get("2503.15617").byline());
    assertEquals(
        "Worth a *read*", f.services.comments().thread("2503.15617", null).get(0).comment().body());
    f.importing("ingest/listings");
    assertEquals(
        today, f.papers.find("2503.15617").orElseThrow().dailyDate(), "a re-import keeps it");
  }

  @Test
  void anUnknownPaperIsFetchedFromArxivInTheBackgroundAndJoinsTheFeed() {
    at("2016-05-30T10:00:00Z");
    User ada = f.user("ada");
    var outcome = submissions().submit(ada, "1605.08386v1", null);
    assertTrue(f.papers.find("1605.08386").isEmpty(), "nothing is fetched on the request");
    Submissions.Request request = afterTheWorker(ada, outcome);
    assertEquals(Submissions.Request.State.ACCEPTED, request.state());
    Paper paper = f.papers.find("1605.08386").orElseThrow();
    assertEquals("Heat-bath random walks with Markov bases", paper.title());
    assertEquals(LocalDate.of(2016, 5, 30), paper.dailyDate());
    assertEquals(Set.of(Source.ARXIV_API, Source.SUBMISSION), paper.sources());
    assertEquals(1, f.arxiv.requests().size());
    assertTrue(submissions().request(request.id(), f.user("bob")).isEmpty(), "private");
  }

  @Test
  void somethingThatIsNotAnIdIsRefusedWithExamples() {
    at("2025-03-24T09:00:00Z");
    Refusal r = refused(f.user("ada"), "attention is all you need");
    assertEquals(Refusal.Kind.INVALID, r.kind());
    assertTrue(r.getMessage().contains("is not an arXiv id"), r.getMessage());
  }

  @Test
  void aPaperOlderThanFourteenDaysIsRefused() {
    at("2025-04-10T09:00:00Z").importing("ingest/listings");
    Refusal r = refused(f.user("ada"), "2503.15617");
    assertEquals(Refusal.Kind.INVALID, r.kind());
    assertTrue(r.getMessage().contains("more than 14 days ago"), r.getMessage());
  }

  @Test
  void aPaperAlreadyOnTheFeedIsRefusedNamingItsDayAndSubmitter() {
    at("2025-03-24T09:00:00Z").importing("ingest/listings");
    submissions().submit(f.user("ada"), "2503.15617", null);
    Refusal r = refused(f.user("bob"), "2503.15617");
    assertEquals(Refusal.Kind.CONFLICT, r.kind());
    assertEquals(
        "2503.15617 is already on the Daily Papers feed of 24 Mar 2025, submitted by ada.",
        r.getMessage());
  }

  @Test
  void aHuggingFaceDailyPaperIsAlreadyOnTheFeed() {
    at("2026-08-22T09:00:00Z").importing("web/2026-08-21.json");
    Refusal r = refused(f.user("ada"), "2608.19880");
    assertEquals(Refusal.Kind.CONFLICT, r.kind());
    assertTrue(r.getMessage().contains("of 21 Aug 2026"), r.getMessage());
  }

  @Test
  void fiveSubmissionsADayAreTheMost() {
    at("2025-03-24T09:00:00Z").importing("ingest/listings");
    User ada = f.user("ada");
    List<String> ids =
        f
            .papers
            .feed(
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), PaperStore.Order.UPVOTES, 0, 6)
            .stream()
            .map(Paper::id)
            .toList();
    for (String id : ids.subList(0, 5)) {
      submissions().submit(ada, id, null);
    }
    Refusal r = refused(ada, ids.get(5));
    assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
    assertTrue(r.getMessage().contains("submit again tomorrow"));
  }

  @Test
  void aPaperArxivDoesNotHaveIsRefusedInTheBackground() {
    at("2016-05-30T10:00:00Z");
    User ada = f.user("ada");
    var pending = (Submissions.Outcome.Pending) submissions().submit(ada, "0000.0000", null);
    submissions().processPending();
    Submissions.Request request = submissions().request(pending.requestId(), ada).orElseThrow();
    assertEquals(Submissions.Request.State.REFUSED, request.state());
    assertEquals("arXiv has no paper 0000.0000.", request.message());
  }

  @Test
  void aFetchedPaperThatIsTooOldIsRefused() {
    at("2016-07-01T10:00:00Z");
    User ada = f.user("ada");
    var pending = (Submissions.Outcome.Pending) submissions().submit(ada, "1605.08386", null);
    submissions().processPending();
    Submissions.Request request = submissions().request(pending.requestId(), ada).orElseThrow();
    assertEquals(Submissions.Request.State.REFUSED, request.state());
    assertTrue(request.message().contains("published on arXiv on 26 May 2016"), request.message());
    assertTrue(f.papers.find("1605.08386").isEmpty(), "a refused paper is not stored");
  }

  @ParameterizedTest(name = "a fetch only: {0}")
  @ValueSource(booleans = {false, true})
  void whileArxivIsDownARequestWaitsThenGivesUpWithTheReason(boolean onlyFetch) {
    at("2016-05-30T10:00:00Z");
    f.arxiv.otherwise(FakeArxiv.Answer.of(503, "down".getBytes(StandardCharsets.UTF_8)));
    User ada = f.user("ada");
    var pending =
        (Submissions.Outcome.Pending)
            (onlyFetch
                ? submissions().fetch(ada, "1605.00001")
                : submissions().submit(ada, "1605.00001", null));
    for (int run = 1; run < Submissions.MAX_ATTEMPTS; run++) {
      assertEquals(0, submissions().processPending(), "still waiting after run " + run);
    }
    assertEquals(1, submissions().processPending());
    Submissions.Request request = submissions().request(pending.requestId(), ada).orElseThrow();
    assertEquals(Submissions.Request.State.REFUSED, request.state());
    assertTrue(request.message().contains("arXiv could not be reached"), request.message());
  }

  @Test
  void aFetchedPaperIsStoredOffTheFeedWhateverItsAge() {
    at("2016-07-01T10:00:00Z");
    User ada = f.user("ada");
    Submissions.Request request =
        afterTheWorker(ada, submissions().fetch(ada, "https://huggingface.co/papers/1605.08386"));
    assertEquals(Submissions.Request.State.ACCEPTED, request.state());
    Paper paper = f.papers.find("1605.08386").orElseThrow();
    assertEquals("Heat-bath random walks with Markov bases", paper.title());
    assertEquals(null, paper.dailyDate(), "not on any day's feed");
    assertEquals(Set.of(Source.ARXIV_API), paper.sources());
    assertTrue(submissions().forPapers(List.of("1605.08386")).isEmpty(), "nobody submitted it");
  }

  @Test
  void fetchingAStoredPaperAsksArxivNothing() {
    at("2025-03-24T09:00:00Z").importing("ingest/listings");
    var outcome = submissions().fetch(f.user("ada"), "arXiv:2503.15617v2");
    assertEquals(
        "2503.15617", assertInstanceOf(Submissions.Outcome.Accepted.class, outcome).paper().id());
    assertTrue(f.arxiv.requests().isEmpty());
  }

  @Test
  void aFetchArxivCannotAnswerIsRefusedSayingSo() {
    at("2016-05-30T10:00:00Z");
    User ada = f.user("ada");
    Submissions.Request request = afterTheWorker(ada, submissions().fetch(ada, "0000.0000"));
    assertEquals(Submissions.Request.State.REFUSED, request.state());
    assertEquals("arXiv has no paper 0000.0000.", request.message());
    Refusal r = assertThrows(Refusal.class, () -> submissions().fetch(ada, "no id at all"));
    assertEquals(Refusal.Kind.INVALID, r.kind());
  }

  @Test
  void fetchesHaveADailyQuotaOfTheirOwn() {
    at("2016-05-30T10:00:00Z");
    User ada = f.user("ada");
    for (int i = 0; i < Submissions.FETCHES_PER_USER_PER_DAY; i++) {
      submissions().fetch(ada, String.format(java.util.Locale.ROOT, "1605.%05d", i));
    }
    Refusal r = assertThrows(Refusal.class, () -> submissions().fetch(ada, "1605.09999"));
    assertEquals(Refusal.Kind.RATE_LIMITED, r.kind());
    assertTrue(r.getMessage().contains("ask again tomorrow"), r.getMessage());
    assertInstanceOf(
        Submissions.Outcome.Pending.class,
        submissions().submit(ada, "1605.08386", null),
        "fetches leave the submissions' quota alone");
  }
}
