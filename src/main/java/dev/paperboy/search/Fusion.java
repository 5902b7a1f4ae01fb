package dev.paperboy.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.search.ScoreDoc;

/** Reciprocal rank fusion (Cormack et al. 2009): score = sum over lists of 1 / (k + rank). */
final class Fusion {

  static final int K = 60;

  private Fusion() {}

  /**
   * Fuses a keyword list and a semantic list (each best first). Keyword hits scoring at least
   * {@code pinScore} (exact id or title matches) stay first, in their order; ties are broken by
   * paper id.
   */
  static List<ScoreDoc> reciprocalRank(
      ScoreDoc[] keyword, ScoreDoc[] semantic, float pinScore, IntFunction<String> idOf) {
    Map<Integer, ScoreDoc> pinned = new LinkedHashMap<>();
    Map<Integer, Float> fused = new HashMap<>();
    for (int i = 0; i < keyword.length; i++) {
      if (keyword[i].score >= pinScore) {
        pinned.put(keyword[i].doc, new ScoreDoc(keyword[i].doc, Float.MAX_VALUE));
      } else {
        fused.merge(keyword[i].doc, 1f / (K + i + 1), Float::sum);
      }
    }
    for (int i = 0; i < semantic.length; i++) {
      if (!pinned.containsKey(semantic[i].doc)) {
        fused.merge(semantic[i].doc, 1f / (K + i + 1), Float::sum);
      }
    }
    List<ScoreDoc> rest = new ArrayList<>();
    fused.forEach((doc, score) -> rest.add(new ScoreDoc(doc, score)));
    Map<Integer, String> ids = new HashMap<>();
    rest.sort(
        (a, b) -> {
          int c = Float.compare(b.score, a.score);
          return c != 0
              ? c
              : ids.computeIfAbsent(a.doc, idOf::apply)
                  .compareTo(ids.computeIfAbsent(b.doc, idOf::apply));
        });
    List<ScoreDoc> out = new ArrayList<>(pinned.values());
    out.addAll(rest);
    return out;
  }
}
