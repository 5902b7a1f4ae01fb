package dev.paperboy.recommend;

/**
 * Why a paper is in a reader's feed, in words a card can show: "like <i>label</i> that you
 * upvoted", "by <i>label</i> you follow". {@code ref} is what a link needs: the liked paper's id,
 * the author key, the organisation name, the category or the topic.
 */
public record Reason(Kind kind, String label, String ref) {

  public enum Kind {
    /** Similar to a paper the reader upvoted or collected. */
    LIKE,
    /** By an author the reader follows. */
    AUTHOR,
    /** From an organisation the reader follows. */
    ORGANIZATION,
    /** In an arXiv category the reader follows. */
    CATEGORY,
    /** Matches a topic (saved search) the reader follows. */
    TOPIC,
    /** Nothing personal yet: among the period's most upvoted. */
    TRENDING
  }
}
