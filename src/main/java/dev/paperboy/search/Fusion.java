package dev.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
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
   * paper id within the first {@code needed} places (the rest is not shown, and looking ids up
   * costs more than the fusion itself).
   */
  static List<ScoreDoc> reciprocalRank(
      ScoreDoc[] keyword,
      ScoreDoc[] semantic,
      float pinScore,
      int needed,
      IntFunction<String> idOf) {
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
    rest.sort((a, b) -> Float.compare(b.score, a.score));
    breakTiesById(rest, needed - pinned.size(), idOf);
    List<ScoreDoc> out = new ArrayList<>(pinned.values());
    out.addAll(rest);
    return out;
  }

  /**
   * Orders each run of equal scores in a list sorted by score by paper id, as far as the first
   * {@code needed} places reach. Reciprocal rank ties often: a paper only the keyword side found at
   * rank r ties with one only the semantic side found at rank r.
   */
  static void breakTiesById(List<ScoreDoc> sorted, int needed, IntFunction<String> idOf) {
    Map<Integer, String> ids = new HashMap<>();
    int start = 0;
    while (start < Math.min(needed, sorted.size())) {
      int end = start + 1;
      while (end < sorted.size() && sorted.get(end).score == sorted.get(start).score) {
        end++;
      }
      if (end - start > 1) {
        sorted
            .subList(start, end)
            .sort(Comparator.comparing(d -> ids.computeIfAbsent(d.doc, idOf::apply)));
      }
      start = end;
    }
  }
}
