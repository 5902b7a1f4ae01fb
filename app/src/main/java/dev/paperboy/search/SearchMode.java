package dev.paperboy.search;

/** Which side of search answers: words, meaning, or both fused. */
public enum SearchMode {
  KEYWORD,
  SEMANTIC,
  HYBRID
}
