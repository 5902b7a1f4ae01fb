package dev.paperboy.recommend;

/**
 * A feature vector that stores only its non-zero entries, indices ascending. Dense parts (an
 * embedding) are appended by {@link #concat} at an offset.
 */
public record SparseVector(int[] index, float[] value) {

  /** The entries sorted by index (the order {@link TfIdf} builds them in is a hash order). */
  static SparseVector of(int[] index, float[] value) {
    Integer[] order = new Integer[index.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(index[a], index[b]));
    int[] i2 = new int[index.length];
    float[] v2 = new float[index.length];
    for (int i = 0; i < order.length; i++) {
      i2[i] = index[order[i]];
      v2[i] = value[order[i]];
    }
    return new SparseVector(i2, v2);
  }

  public int size() {
    return index.length;
  }

  public double dot(SparseVector o) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < index.length && j < o.index.length) {
      if (index[i] == o.index[j]) {
        sum += value[i++] * o.value[j++];
      } else if (index[i] < o.index[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  public double squaredNorm() {
    double sum = 0;
    for (float v : value) {
      sum += v * v;
    }
    return sum;
  }

  /** This vector scaled to length one (unchanged when it is zero). */
  public SparseVector unit() {
    double norm = Math.sqrt(squaredNorm());
    if (norm == 0) {
      return this;
    }
    float[] v = new float[value.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (value[i] / norm);
    }
    return new SparseVector(index, v);
  }

  /** This vector followed by {@code scale * dense} at indices {@code offset, offset + 1, ...}. */
  public SparseVector concat(float[] dense, int offset, double scale) {
    if (dense == null || scale == 0) {
      return this;
    }
    int[] i2 = java.util.Arrays.copyOf(index, index.length + dense.length);
    float[] v2 = java.util.Arrays.copyOf(value, value.length + dense.length);
    for (int k = 0; k < dense.length; k++) {
      i2[index.length + k] = offset + k;
      v2[index.length + k] = (float) (scale * dense[k]);
    }
    return new SparseVector(i2, v2);
  }
}
