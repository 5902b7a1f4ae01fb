package dev.paperboy.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A paper as the ranker sees it: its words, its embedding (null while it has none), and the people,
 * organisation and categories a reader may follow. {@code authorKeys} are {@code AuthorKey.fold}ed
 * names, in the paper's order, parallel to {@code authors}; {@code organization} is the
 * organisation's name (its page key), or null.
 */
public record Item(
    String id,
    String title,
    String abstractText,
    float[] vector,
    List<String> authors,
    List<String> authorKeys,
    String organization,
    List<String> categories,
    long upvotes,
    Instant published) {

  public Item {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    abstractText = abstractText == null ? "" : abstractText;
    authors = List.copyOf(authors == null ? List.of() : authors);
    authorKeys = List.copyOf(authorKeys == null ? List.of() : authorKeys);
    categories = List.copyOf(categories == null ? List.of() : categories);
  }

  /** Title and abstract: what lexical features read. */
  public String text() {
    return title + "\n" + abstractText;
  }
}
