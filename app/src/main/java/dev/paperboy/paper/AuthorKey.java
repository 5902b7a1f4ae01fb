package dev.paperboy.paper;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way a person's name is folded, for search and for author pages alike: accents and case
 * folded ("Müller" is "muller"), punctuation dropped, single spaces. Two spellings with the same
 * fold are one author; an author's page lives at their fold.
 */
public final class AuthorKey {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private AuthorKey() {}

  /**
   * Lower case, accents and punctuation removed, single spaces: "Jean-Luc Müller" → "jean luc
   * muller"; empty for a name without letters or digits.
   */
  public static String fold(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    // letters that do not decompose into a base letter and a mark
    s =
        s.replace("ß", "ss")
            .replace("ø", "o")
            .replace("ł", "l")
            .replace("đ", "d")
            .replace("æ", "ae")
            .replace("œ", "oe")
            .replace("ı", "i");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return NOT_WORD.matcher(s).replaceAll(" ").strip();
  }
}
