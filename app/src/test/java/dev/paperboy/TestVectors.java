package dev.paperboy;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored embeddings for "For you" tests, of a model that never loads (the ranker reads what is
 * stored): every paper of the two fixture days points its own way, except the 20th's three most
 * upvoted papers and {@link #NEAR}, which share a direction, so liking those three lifts it.
 */
public final class TestVectors {

  public static final String MODEL = "test-vectors";

  /** SkillEvo (21 Aug), low in the day's upvotes, by Qianxi Yan. */
  public static final String NEAR = "2608.13120";

  private TestVectors() {}

  /** Saves the vectors; returns the 20th's three papers whose likes lift {@link #NEAR}. */
  public static List<String> store(App app) {
    LocalDate day20 = LocalDate.parse("2026-08-20");
    List<Paper> all =
        app.papers().feed(day20, LocalDate.parse("2026-08-21"), PaperStore.Order.UPVOTES, 0, 200);
    Map<String, float[]> v = new HashMap<>();
    int i = 0;
    for (Paper p : all) {
      float[] x = new float[64];
      x[1 + (i++ % 63)] = 1f;
      v.put(p.id(), x);
    }
    List<String> liked =
        all.stream().filter(p -> day20.equals(p.dailyDate())).limit(3).map(Paper::id).toList();
    for (String id : liked) {
      v.get(id)[0] = 3f;
    }
    v.get(NEAR)[0] = 3f;
    new PaperVectors(app.database()).save(MODEL, v);
    return liked;
  }
}
