package dev.paperboy.cite;

import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Paper;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * arXiv-style citation keys, {@code surname2026firstword}: the first author's folded surname, the
 * year, the first significant word of the title. Keys are unique within one file: a second paper
 * with the same key gets {@code a}, a third {@code b}, and so on.
 */
final class CiteKeys {

  private static final Set<String> SMALL_WORDS =
      Set.of(
          "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from", "by", "at", "is",
          "are", "via", "towards", "toward", "how", "what", "why", "do", "does", "can");

  private final Set<String> used = new HashSet<>();

  /** The next key for this paper, unique among the keys this instance handed out. */
  String next(Paper p) {
    String key = base(p);
    if (used.add(key)) {
      return key;
    }
    for (int n = 0; ; n++) {
      String candidate = key + suffix(n);
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  static String base(Paper p) {
    return surname(p) + year(p) + firstWord(p.title());
  }

  private static String surname(Paper p) {
    if (p.authors().isEmpty()) {
      return "anonymous";
    }
    String[] words = AuthorKey.fold(p.authors().get(0)).split(" ");
    String last = words[words.length - 1].replaceAll("[^a-z0-9]", "");
    return last.isEmpty() ? "anonymous" : last;
  }

  static String year(Paper p) {
    if (p.published() != null) {
      return String.valueOf(p.published().atZone(ZoneOffset.UTC).getYear());
    }
    if (p.dailyDate() != null) {
      return String.valueOf(p.dailyDate().getYear());
    }
    return ArxivYear.of(p.id());
  }

  private static String firstWord(String title) {
    String plain = title.replaceAll("\\$[^$]*\\$", " ");
    // a word is what spaces separate: "Q&A" is "qa", not "q"
    for (String w : plain.split("\\s+")) {
      String word = AuthorKey.fold(w).replaceAll("[^a-z0-9]", "");
      if (!word.isEmpty() && !SMALL_WORDS.contains(word)) {
        return word;
      }
    }
    return "";
  }

  /** a, b, ..., z, aa, ab, ... */
  private static String suffix(int n) {
    StringBuilder s = new StringBuilder();
    n++;
    while (n > 0) {
      n--;
      s.insert(0, (char) ('a' + n % 26));
      n /= 26;
    }
    return s.toString();
  }
}
