package dev.paperboy.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.NodeSettings;
import dev.paperboy.Poll;
import dev.paperboy.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one database on an announcement evening: arXiv and Hugging Face are asked once. */
class TwoNodesHarvestTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void withTwoNodesUpEachHarvestRunsOnceOnTheLeaseHolder() throws Exception {
    TestClock clock = ServeHarvestsTest.announcementEvening();
    try (FakeArxiv arxiv = ServeHarvestsTest.announcingArxiv();
        FakeArxiv api = ServeHarvestsTest.arxivApiKnowingNone();
        FakeHuggingFace hf = ServeHarvestsTest.huggingFaceOfTheWeek()) {
      Config config = ServeHarvestsTest.harvesting(dir, arxiv, api, hf);
      try (App a =
              new App(config.withNode(new NodeSettings("node-a", dir.resolve("index-a"))), clock);
          App b =
              new App(config.withNode(new NodeSettings("node-b", dir.resolve("index-b"))), clock)) {
        Thread serving = Thread.ofPlatform().start(a::serve); // both start at once
        b.serve();
        serving.join();
        // arXiv first, then three days of Hugging Face, 3 s apart
        Poll.until(
            Duration.ofSeconds(60),
            "three Hugging Face days harvested",
            () -> b.harvests().done("hf").size() >= 3);
        assertEquals(1, a.harvests().done("arxiv-oai").size());
        Poll.until(
            Duration.ofSeconds(30),
            "Hugging Face's papers looked up on arXiv",
            () -> !b.harvests().done("arxiv-backfill").isEmpty());
        assertEquals(1, api.requests().size(), "one node asked arXiv's API, once");

        List<String> hfAsked = hf.requests();
        assertEquals(new HashSet<>(hfAsked).size(), hfAsked.size(), "no page twice: " + hfAsked);
        Set<Object> arxivAsked = new HashSet<>();
        for (FakeArxiv.Request r : arxiv.requests()) {
          assertTrue(arxivAsked.add(r.params()), "asked arXiv twice for " + r.params());
        }
        String holder = a.leases().holder(HarvestScheduler.LEASE).orElseThrow();
        assertTrue(holder.equals("node-a") || holder.equals("node-b"), holder);
      }
    }
  }
}
