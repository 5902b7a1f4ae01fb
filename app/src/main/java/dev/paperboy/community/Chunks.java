package dev.paperboy.community;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Splits id lists for {@code IN (...)} queries, which SQLite caps at some thousands of values. */
final class Chunks {

  private Chunks() {}

  static <T> List<List<T>> of(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  /** {@code ?,?,?} for n values. */
  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
