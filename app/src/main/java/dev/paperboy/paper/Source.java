package dev.paperboy.paper;

import java.util.Locale;

/** Where a paper record came from. Only Daily Papers data carries community counts. */
public enum Source {
  HF_DAILY("hf-daily"),
  ARXIV_LISTING("arxiv-listing"),
  KAGGLE_SNAPSHOT("kaggle-snapshot"),
  ARXIV_ARCHIVE("arxiv-archive"),
  ARXIV_API("arxiv-api"),
  ARXIV_OAI("arxiv-oai"),
  /** A signed-in user of this Paperboy put the paper on a day's feed. */
  SUBMISSION("submission");

  private final String key;

  Source(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean carriesCommunityCounts() {
    return this == HF_DAILY;
  }

  /** Sources whose day is the day a person submitted the paper, which outranks a listing day. */
  public boolean isSubmission() {
    return this == HF_DAILY || this == SUBMISSION;
  }

  public static Source fromKey(String key) {
    for (Source s : values()) {
      if (s.key.equals(key.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown source: " + key);
  }
}
