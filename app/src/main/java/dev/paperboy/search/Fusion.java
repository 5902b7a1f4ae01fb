package dev.paperboy.search;

import dev.paperboy.search.PaperIndex.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion (Cormack et al. 2009) on paper ids: score = sum over lists of 1 / (k +
 * rank). Engine-neutral: it sees only ids and ranks.
 */
final class Fusion {

  static final int K = 60;

  private Fusion() {}

  /**
   * Fuses keyword matches and semantic neighbours (each best first). Pinned keyword matches (exact
   * id or title) stay first, in their order; equal fused scores are ordered by paper id.
   */
  static List<String> reciprocalRank(
      List<Scored> pinned, List<Scored> keyword, List<Scored> semantic) {
    Set<String> first = new LinkedHashSet<>();
    pinned.forEach(p -> first.add(p.id()));
    Map<String, Float> fused = new HashMap<>();
    for (int i = 0; i < keyword.size(); i++) {
      if (!first.contains(keyword.get(i).id())) {
        fused.merge(keyword.get(i).id(), 1f / (K + i + 1), Float::sum);
      }
    }
    for (int i = 0; i < semantic.size(); i++) {
      if (!first.contains(semantic.get(i).id())) {
        fused.merge(semantic.get(i).id(), 1f / (K + i + 1), Float::sum);
      }
    }
    List<Map.Entry<String, Float>> rest = new ArrayList<>(fused.entrySet());
    rest.sort(
        Comparator.comparing(Map.Entry<String, Float>::getValue, Comparator.reverseOrder())
            .thenComparing(Map.Entry::getKey));
    List<String> out = new ArrayList<>(first);
    rest.forEach(e -> out.add(e.getKey()));
    return out;
  }
}
