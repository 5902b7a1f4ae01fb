package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.ArxivAtomFeed.RejectedEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads real arXiv API answers from 2007 to 2026, and hand-broken copies of them. */
class ArxivAtomFeedTest {

  final ArxivAtomParser parser = new ArxivAtomParser();

  ArxivAtomFeed parse(byte[] body) throws BadRecord {
    return parser.parse(new ByteArrayInputStream(body));
  }

  ArxivAtomFeed parse(String fixture) throws BadRecord {
    return parse(ArxivFixtures.body(fixture));
  }

  Paper paper(String fixture, String id) throws BadRecord {
    return parse(fixture).papers().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + fixture));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
# fixture                                           | id               | v | title                                                                                                                 | authors                                                           | categories                         | published            | updated              | comment                                                                                                                                                     | journal ref                     | doi
id_1605.08386_s0_m100_199195aa31ad.json             | 1605.08386       | 1 | Heat-bath random walks with Markov bases                                                                              | Caprice Stanley; Tobias Windisch                                  | math.CO math.ST                    | 2016-05-26T17:59:46Z | 2016-05-26T17:59:46Z | 20 pages, 3 figures                                                                                                                                         |                                 |
id_2104.12255v1_s0_m100_6ae69987ffe1.json           | 2104.12255       | 1 | 0                                                                                                                     | Quan Thoi Minh Nguyen                                             | cs.CR                              | 2021-04-20T16:07:14Z | 2021-04-20T16:07:14Z |                                                                                                                                                             |                                 |
id_astro-ph_0601001_s0_m100_3150dca9dc76.json       | astro-ph/0601001 | 1 | Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina | Andrew Gould; Susan Dorsher; B. Scott Gaudi; Andrzej Udalski      | astro-ph                           | 2006-01-02T14:57:58Z | 2006-01-02T14:57:58Z | 62 pages including 16 figures and 9 tables. Submitted to Acta Astronomica. Full resolution version at http://www.astronomy.ohio-state.edu/~gould/ogle_hot_jupiters.ps.gz | ActaAstron.56:1-50,2006         |
id_quant-ph_0201082v1_s0_m100_86989fe779ef.json     | quant-ph/0201082 | 1 | Quantum Computers and Quantum Computer Languages: Quantum Assembly Language and Quantum C Language                    | Stephen Blaha                                                     | quant-ph cs.PL                     | 2002-01-18T15:08:05Z | 2002-01-18T15:08:05Z | 32 pages                                                                                                                                                    |                                 |
q_testing_s0_m10_bc5a6c384fe9.json                  | 2202.12139       | 1 | Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques                                | Mohit Kumar Ahuja; Arnaud Gotlieb; Helge Spieker                  | cs.SE cs.LG                        | 2022-02-24T15:05:19Z | 2022-02-24T15:05:19Z | Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022                                                                                       | Artificial Intelligence in Software Testing @ 2022 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW) | 10.1109/ICSTW55395.2022.00035
raw-2016/id_list_1111.2011v2.xml                    | 1111.2011        | 2 | Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit                             | James M. Murray; Adrian Del Maestro; Zlatko Tesanovic             | cond-mat.str-el cond-mat.stat-mech | 2011-11-08T18:48:36Z | 2012-04-02T12:38:54Z | 8 pages, 3 figures. Published version                                                                                                                       | Phys. Rev. B 85, 115117 (2012)  | 10.1103/PhysRevB.85.115117
arxiv_api_atom_typical_response_arxiv-docs.xml      | hep-ex/0307015   | 1 | Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA                                        | H1 Collaboration                                                  | hep-ex                             | 2003-07-07T17:46:39Z | 2003-07-07T17:46:39Z | 23 pages, 8 figures and 4 tables                                                                                                                            | Eur.Phys.J. C31 (2003) 17-29    |
""")
  void eachEntryBecomesThePaperArxivDescribes(
      String fixture,
      String id,
      int version,
      String title,
      String authors,
      String categories,
      Instant published,
      Instant updated,
      String comment,
      String journalRef,
      String doi)
      throws BadRecord {
    Paper p = paper(fixture, id);
    assertEquals(version, p.version());
    assertEquals(title, p.title());
    assertEquals(List.of(authors.split("; ")), p.authors());
    assertEquals(List.of(categories.split(" ")), p.categories());
    assertEquals(published, p.published());
    assertEquals(updated, p.updated());
    assertEquals(comment, p.comment());
    assertEquals(journalRef, p.journalRef());
    assertEquals(doi, p.doi());
  }

  @Test
  void aPaperFromTheApiHasNoDayAndNoVotesOfItsOwn() throws BadRecord {
    Paper p = paper("id_1605.08386_s0_m100_199195aa31ad.json", "1605.08386");
    assertEquals(Set.of(Source.ARXIV_API), p.sources());
    assertNull(p.dailyDate(), "the caller decides the day");
    assertEquals(0, p.upvotes());
  }

  @Test
  void hardWrappedTitlesAndAbstractsReadAsOneLine() throws BadRecord {
    Paper p = paper("arxiv_api_atom_typical_response_arxiv-docs.xml", "hep-ex/0307015");
    assertTrue(
        p.abstractText().startsWith("Multi-electron production is studied at high electron"));
    assertTrue(p.abstractText().endsWith("0.23 \\pm 0.04, respectively."));
    assertFalse(p.abstractText().contains("\n") || p.abstractText().contains("  "));
  }

  @Test
  void aListOfIdsGivesOnlyThePapersArxivKnows() throws BadRecord {
    ArxivAtomFeed feed = parse("id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json");
    assertEquals(List.of("1707.08567"), feed.papers().stream().map(Paper::id).toList());
    List<String> authors = feed.papers().get(0).authors();
    assertEquals(34, authors.size());
    assertEquals("Kees A. Schouhamer Immink", authors.get(0));
    assertEquals("Dirk Wübben", authors.get(32), "UTF-8 read as UTF-8");
  }

  @Test
  void anIdArxivDoesNotKnowGivesNoPaperAndNoError() throws BadRecord {
    ArxivAtomFeed feed = parse("id_0000.0000_s0_m100_8b51d9633a68.json");
    assertEquals(List.of(), feed.papers());
    assertEquals(List.of(), feed.rejected());
    assertEquals(0, feed.totalResults());
  }

  @ParameterizedTest
  @CsvSource({
    "id_abc_s0_m100_b79c8dcf6bc3.json, incorrect id format for abc",
    "arxiv_api_atom_error_response_arxiv-docs.xml, incorrect id format for 1234.12345",
  })
  void arxivsErrorFeedIsAnErrorInArxivsOwnWords(String fixture, String message) {
    ArxivException.Refused e = assertThrows(ArxivException.Refused.class, () -> parse(fixture));
    assertEquals(message, e.arxivMessage());
    assertEquals("arXiv refused the query: " + message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "q_testing_s10_m10_34e56e15aaac.json, 214881, 10, 10",
        "id_0000.0000_s0_m100_8b51d9633a68.json, 0, 0, 100",
        "arxiv_api_atom_old-format_2019_10-entries_ewan-m.xml, 120839, 0, 10",
        "arxiv_api_atom_new-format_2026_trimmed.xml, 6629, -, -",
      })
  void pagingNumbersAreReadWhenTheAnswerHasThem(
      String fixture, Integer total, Integer start, Integer perPage) throws BadRecord {
    ArxivAtomFeed feed = parse(fixture);
    assertEquals(total, feed.totalResults());
    assertEquals(start, feed.startIndex());
    assertEquals(perPage, feed.itemsPerPage());
  }

  @ParameterizedTest
  @CsvSource({
    "raw-2016/search_query_au_del_maestro.xml, 10",
    "arxiv_api_atom_old-format_2019_10-entries_ewan-m.xml, 10",
    "arxiv_api_atom_new-format_2026_trimmed.xml, 2",
    "q_testing_s50_m10_7f488ab8598c.json, 10",
  })
  void everyEntryOfEachFormatBecomesAPaper(String fixture, int entries) throws BadRecord {
    ArxivAtomFeed feed = parse(fixture);
    assertEquals(entries, feed.papers().size());
    assertEquals(List.of(), feed.rejected());
    for (Paper p : feed.papers()) {
      assertTrue(p.version() > 0, p.id());
      assertFalse(p.authors().isEmpty(), p.id());
      assertFalse(p.abstractText().isBlank(), p.id());
      assertTrue(p.published() != null && p.updated() != null, p.id());
    }
  }

  @Test
  void oldStyleIdsAndTheirVersionsComeFromTheAbsUrl() throws BadRecord {
    ArxivAtomFeed feed = parse("arxiv_api_atom_old-format_2019_10-entries_ewan-m.xml");
    List<String> ids = feed.papers().stream().map(p -> p.id() + "v" + p.version()).toList();
    assertTrue(ids.containsAll(List.of("quant-ph/0210005v1", "physics/0507092v1")), ids::toString);
  }

  @Test
  void classificationCodesAreNotMistakenForArxivCategories() throws BadRecord {
    ArxivAtomFeed feed = parse("arxiv_api_atom_old-format_2019_10-entries_ewan-m.xml");
    List<String> all = feed.papers().stream().flatMap(p -> p.categories().stream()).toList();
    assertTrue(all.contains("physics.hist-ph"));
    assertFalse(all.contains("03B70, 68Q99"), "an MSC class");
    assertFalse(all.contains("F.4.1; F.4.m; K.2"), "ACM classes");
  }

  @Test
  void theNewFormatKeepsAccentsWrittenAsCharacterReferences() throws BadRecord {
    Paper p = paper("arxiv_api_atom_new-format_2026_trimmed.xml", "2609.30233");
    assertEquals("Tomás Lozano-Pérez", p.authors().get(3));
    assertEquals("9 pages, 4 figures, 3 tables", p.comment());
    assertEquals(List.of("cs.RO"), p.categories());
  }

  @Test
  void thePrimaryCategoryComesFirstWhereverArxivListsIt() throws BadRecord {
    String feed =
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
          <entry>
            <id>http://arxiv.org/abs/2608.01234v2</id>
            <title>Hand-made</title>
            <category term="cs.LG"/><category term="stat.ML"/><category term="cs.CL"/>
            <arxiv:primary_category term="cs.CL"/>
          </entry>
        </feed>
        """;
    Paper p = parse(feed.getBytes(StandardCharsets.UTF_8)).papers().get(0);
    assertEquals(List.of("cs.CL", "cs.LG", "stat.ML"), p.categories());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad/1605.08386_truncated.xml", "empty", "html"})
  void anAnswerThatIsNotACompleteFeedIsAnErrorWorthRetrying(String input) {
    byte[] body =
        switch (input) {
          case "empty" -> new byte[0];
          case "html" -> "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
          default -> ArxivFixtures.body(input);
        };
    assertThrows(BadRecord.class, () -> parse(body));
  }

  @Test
  void aBrokenEntryIsCountedWithItsReasonAndTheOthersAreKept() throws BadRecord {
    ArxivAtomFeed feed = parse("bad/2019_three-broken-entries.xml");
    assertEquals(7, feed.papers().size());
    assertEquals(
        List.of(
            new RejectedEntry("missing id", "entry 2"),
            new RejectedEntry("invalid arXiv id", "entry 4 (http://arxiv.org/abs/not-an-id)"),
            new RejectedEntry("missing title", "entry 7 (http://arxiv.org/abs/0705.1367v1)")),
        feed.rejected());
    assertEquals(
        List.of("1501.05039", "quant-ph/0210005", "0808.0638", "0808.0639"),
        feed.papers().stream().map(Paper::id).limit(4).toList());
  }
}
