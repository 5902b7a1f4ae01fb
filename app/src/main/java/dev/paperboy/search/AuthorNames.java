package dev.paperboy.search;

import dev.paperboy.paper.AuthorKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a person's name is matched, in every engine alike: accents and case folded ("Müller" is
 * "muller"), punctuation dropped, and the forms people type indexed beside the full name ("K. He"
 * and "He Kaiming" find Kaiming He). Engines index {@link #keys} as exact terms and search for
 * {@link AuthorKey#fold} of the query.
 */
public final class AuthorNames {

  /**
   * Marks the family-name-first form of a two-word name: "Fei Hao" is also found as "Hao Fei",
   * below the papers of the Hao Fei who writes it that way.
   */
  public static final String REVERSED = "r:";

  /** A query longer than this many words is not a name. */
  public static final int MAX_NAME_WORDS = 5;

  private AuthorNames() {}

  /**
   * The folded forms under which an author is found: the full name, the first initial with the
   * family name ("k he"), every given name as an initial ("j l muller"), and a two-word name family
   * name first ("he kaiming"). Empty for a name without letters.
   */
  public static Set<String> keys(String name) {
    String folded = AuthorKey.fold(name);
    Set<String> keys = new LinkedHashSet<>();
    if (folded.isEmpty()) {
      return keys;
    }
    keys.add(folded);
    String[] words = folded.split(" ");
    if (words.length >= 2) {
      String last = words[words.length - 1];
      keys.add(words[0].charAt(0) + " " + last);
      List<String> initials = new ArrayList<>();
      for (int i = 0; i < words.length - 1; i++) {
        initials.add(String.valueOf(words[i].charAt(0)));
      }
      keys.add(String.join(" ", initials) + " " + last);
      if (words.length == 2) {
        keys.add(REVERSED + words[1] + " " + words[0]);
      }
    }
    return keys;
  }

  /** Every key of a paper's authors, each once, in order. */
  public static Set<String> keysOf(List<String> authors) {
    Set<String> keys = new LinkedHashSet<>();
    authors.forEach(a -> keys.addAll(keys(a)));
    return keys;
  }

  /**
   * The query folded as a name, or null when it cannot be one: a name has two to {@link
   * #MAX_NAME_WORDS} words and no digits.
   */
  public static String asName(String query) {
    String folded = AuthorKey.fold(query);
    if (folded.isEmpty() || folded.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    int words = folded.split(" ").length;
    return words >= 2 && words <= MAX_NAME_WORDS ? folded : null;
  }
}
