package dev.paperboy.eval;

import java.util.List;
import java.util.Map;

/** The standard ranking metrics, as BEIR computes them (graded gains, log2 discount). */
final class Metrics {

  private Metrics() {}

  static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      int gain = relevant.getOrDefault(ranked.get(i), 0);
      dcg += gain / log2(i + 2);
    }
    List<Integer> ideal =
        relevant.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
    long wanted = relevant.values().stream().filter(g -> g > 0).count();
    if (wanted == 0) {
      return 0;
    }
    long found =
        ranked.subList(0, Math.min(k, ranked.size())).stream()
            .filter(id -> relevant.getOrDefault(id, 0) > 0)
            .count();
    return (double) found / wanted;
  }

  static double mrr(List<String> ranked, Map<String, Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.getOrDefault(ranked.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
