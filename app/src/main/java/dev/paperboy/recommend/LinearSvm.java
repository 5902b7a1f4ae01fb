package dev.paperboy.recommend;

import java.util.List;
import java.util.Random;

/**
 * A linear support vector machine as scikit-learn's {@code LinearSVC} trains it (liblinear's dual
 * coordinate descent, L2 regularisation, squared hinge loss, an intercept fitted as a constant
 * feature of 1), with optional balanced class weights: each class's C is scaled by {@code n / (2 *
 * n_class)}. Hsieh et al., "A Dual Coordinate Descent Method for Large-scale Linear SVM" (2008).
 */
public final class LinearSvm {

  private final double[] weights;
  private final double bias;

  private LinearSvm(double[] weights, double bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Trains on the rows, {@code positive[i]} saying which class row i is in.
   *
   * @param tolerance stop once the projected gradients' spread is below it (liblinear's eps)
   * @param maxIterations passes over the data at most
   */
  public static LinearSvm train(
      List<SparseVector> rows,
      boolean[] positive,
      double c,
      boolean balanced,
      double tolerance,
      int maxIterations) {
    int n = rows.size();
    int dimension = 0;
    int positives = 0;
    for (int i = 0; i < n; i++) {
      SparseVector r = rows.get(i);
      if (r.size() > 0) {
        dimension = Math.max(dimension, r.index()[r.size() - 1] + 1);
      }
      positives += positive[i] ? 1 : 0;
    }
    double[] w = new double[dimension];
    double b = 0;
    if (positives == 0 || positives == n) {
      return new LinearSvm(w, positives == n ? 1 : -1);
    }
    double cPositive = balanced ? c * n / (2.0 * positives) : c;
    double cNegative = balanced ? c * n / (2.0 * (n - positives)) : c;
    double[] alpha = new double[n];
    double[] diagonal = new double[n];
    double[] q = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      diagonal[i] = 0.5 / (positive[i] ? cPositive : cNegative);
      q[i] = rows.get(i).squaredNorm() + 1 + diagonal[i];
      order[i] = i;
    }
    Random random = new Random(0);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double maxGradient = Double.NEGATIVE_INFINITY;
      double minGradient = Double.POSITIVE_INFINITY;
      for (int i : order) {
        SparseVector x = rows.get(i);
        double y = positive[i] ? 1 : -1;
        double g = y * (dot(w, x) + b) - 1 + diagonal[i] * alpha[i];
        double projected = alpha[i] == 0 ? Math.min(g, 0) : g;
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (Math.abs(projected) > 1e-12) {
          double old = alpha[i];
          alpha[i] = Math.max(old - g / q[i], 0);
          double step = (alpha[i] - old) * y;
          for (int k = 0; k < x.size(); k++) {
            w[x.index()[k]] += step * x.value()[k];
          }
          b += step;
        }
      }
      if (maxGradient - minGradient <= tolerance) {
        break;
      }
    }
    return new LinearSvm(w, b);
  }

  /** The signed distance-like score: positive on the positive side. */
  public double decision(SparseVector x) {
    return dot(weights, x) + bias;
  }

  private static double dot(double[] w, SparseVector x) {
    double sum = 0;
    for (int k = 0; k < x.size(); k++) {
      int i = x.index()[k];
      if (i < w.length) {
        sum += w[i] * x.value()[k];
      }
    }
    return sum;
  }
}
