package dev.paperboy.cite;

import static dev.paperboy.cite.Citations.field;
import static dev.paperboy.cite.Citations.paper;
import static dev.paperboy.cite.Citations.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.jbibtex.BibTeXEntry;
import org.junit.jupiter.api.Test;

class BibTexTest {

  static List<BibTeXEntry> entries(String bibtex) {
    List<BibTeXEntry> out = new ArrayList<>(parse(bibtex).getEntries().values());
    assertFalse(out.isEmpty(), "no entries in " + bibtex);
    return out;
  }

  @Test
  void aPreprintIsAnArxivStyleMiscEntry() {
    BibTeXEntry e =
        entries(
                BibTex.of(
                    paper(
                        "2608.01234",
                        "The Attention Sink Revisited",
                        List.of("Zoë Müller", "Ada Lovelace", "Alan Turing"),
                        null,
                        null)))
            .get(0);
    assertEquals("misc", e.getType().getValue());
    assertEquals("muller2026attention", e.getKey().getValue());
    assertEquals("Zoë Müller and Ada Lovelace and Alan Turing", field(e, "author"));
    assertEquals("2026", field(e, "year"));
    assertEquals("2608.01234", field(e, "eprint"));
    assertEquals("arXiv", field(e, "archivePrefix"));
    assertEquals("cs.LG", field(e, "primaryClass"));
    assertEquals("https://arxiv.org/abs/2608.01234", field(e, "url"));
    assertNull(field(e, "doi"));
    assertNull(field(e, "journal"));
  }

  @Test
  void aPublishedPaperIsAnArticleWithItsJournalAndDoi() {
    BibTeXEntry e =
        entries(
                BibTex.of(
                    paper(
                        "2608.01235",
                        "Sparse Experts",
                        List.of("Grace Hopper"),
                        "Nature 612, 1-10 (2026)",
                        "10.1038/s41586-026-01234-5")))
            .get(0);
    assertEquals("article", e.getType().getValue());
    assertEquals("Nature 612, 1-10 (2026)", field(e, "journal"));
    assertEquals("10.1038/s41586-026-01234-5", field(e, "doi"));
    assertEquals("2608.01235", field(e, "eprint"), "arXiv still named");
  }

  @Test
  void specialCharactersAreEscapedAndMathIsKept() {
    BibTeXEntry e =
        entries(
                BibTex.of(
                    paper(
                        "2608.01236",
                        "Q&A at 100% of $\\mathcal{O}(n^{2})$ cost_{x} #1 ~ {a} \\ ^",
                        List.of("Grace Hopper"),
                        null,
                        null)))
            .get(0);
    assertEquals(
        "Q\\&A at 100\\% of $\\mathcal{O}(n^{2})$ cost\\_\\textbraceleft{}x\\textbraceright{}"
            + " \\#1 \\textasciitilde{} \\textbraceleft{}a\\textbraceright{} \\textbackslash{}"
            + " \\textasciicircum{}",
        field(e, "title"));
    assertEquals("hopper2026qa", e.getKey().getValue(), "the key skips punctuation");
  }

  @Test
  void aFormulaWhoseBracesDoNotBalanceIsEscapedAsText() {
    BibTeXEntry e =
        entries(
                BibTex.of(
                    paper("2608.01237", "Bounds on $x}$ and more", List.of("A B"), null, null)))
            .get(0);
    assertEquals("Bounds on \\$x\\textbraceright{}\\$ and more", field(e, "title"));
  }

  @Test
  void keysAreUniqueWithinOneFileAndSkipSmallWords() {
    var same = List.of("Ada Lovelace");
    List<BibTeXEntry> e =
        entries(
            BibTex.of(
                List.of(
                    paper("2608.00001", "On the Engine", same, null, null),
                    paper("2608.00002", "The Engine, again", same, null, null),
                    paper("2608.00003", "An Engine", same, null, null))));
    assertEquals(
        List.of("lovelace2026engine", "lovelace2026enginea", "lovelace2026engineb"),
        e.stream().map(x -> x.getKey().getValue()).toList());
  }

  @Test
  void aNameWithACommaOrAndStaysOneAuthor() {
    BibTeXEntry e =
        entries(
                BibTex.of(
                    paper(
                        "2608.00004",
                        "Teams",
                        List.of("Smith, Jr., John", "Research and Development Team"),
                        null,
                        null)))
            .get(0);
    assertEquals("{Smith, Jr., John} and {Research and Development Team}", field(e, "author"));
  }
}
