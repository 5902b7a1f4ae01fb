package dev.paperboy.cite;

/** The year an arXiv id was issued, read from the id itself when a paper carries no date. */
final class ArxivYear {

  private ArxivYear() {}

  /** "2608.01234" → "2026", "hep-th/9901001" → "1999"; empty when the id says nothing. */
  static String of(String id) {
    String digits = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
    if (digits.length() < 2 || !Character.isDigit(digits.charAt(0))) {
      return "";
    }
    int yy = Integer.parseInt(digits.substring(0, 2));
    return String.valueOf(yy >= 91 ? 1900 + yy : 2000 + yy);
  }
}
