package dev.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearSvmTest {

  private static SparseVector point(double x, double y) {
    return new SparseVector(new int[] {0, 1}, new float[] {(float) x, (float) y});
  }

  @Test
  void separatesLinearlySeparableDataEvenWhenOneClassIsRare() {
    Random random = new Random(7);
    List<SparseVector> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean positive = i < 10;
      double x = random.nextDouble() + (positive ? 1.5 : -0.5);
      rows.add(point(x, random.nextDouble() * 2 - 1));
      labels.add(positive);
    }
    boolean[] positive = new boolean[rows.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = labels.get(i);
    }
    LinearSvm svm = LinearSvm.train(rows, positive, 10, true, 1e-4, 1000);
    for (int i = 0; i < rows.size(); i++) {
      double d = svm.decision(rows.get(i));
      assertTrue(positive[i] ? d > 0 : d < 0, "row " + i + " on the wrong side: " + d);
    }
  }

  @Test
  void balancedWeightsRankTheFewPositivesFirstAtArxivSanityLitesSmallC() {
    List<SparseVector> rows = new ArrayList<>();
    boolean[] positive = new boolean[100];
    for (int i = 0; i < 100; i++) {
      positive[i] = i < 3;
      rows.add(point(positive[i] ? 1 : 0, positive[i] ? 0 : 1));
    }
    LinearSvm svm = LinearSvm.train(rows, positive, 0.01, true, 1e-6, 10_000);
    assertTrue(svm.decision(point(1, 0)) > svm.decision(point(0, 1)));
    assertTrue(svm.decision(point(0.9, 0.1)) > svm.decision(point(0.1, 0.9)));
  }
}
