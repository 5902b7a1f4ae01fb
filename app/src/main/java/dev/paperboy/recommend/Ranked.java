package dev.paperboy.recommend;

import java.util.List;

/** A candidate with its score for one reader and the reasons, strongest first (never empty). */
public record Ranked(Item item, double score, List<Reason> reasons) {

  public Ranked {
    reasons = List.copyOf(reasons);
  }
}
