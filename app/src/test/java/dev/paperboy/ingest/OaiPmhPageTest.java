package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.OaiPmhPage.DeletedRecord;
import dev.paperboy.ingest.OaiPmhPage.RejectedRecord;
import dev.paperboy.ingest.OaiPmhPage.ResumptionToken;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Source;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads real answers of arXiv's OAI-PMH interface in both of arXiv's formats, and copies of them
 * changed by hand (see derived/README.txt in the test resources).
 */
class OaiPmhPageTest {

  final OaiPmhParser parser = new OaiPmhParser();

  OaiPmhPage parse(byte[] body) throws BadRecord {
    return parser.parse(new ByteArrayInputStream(body));
  }

  OaiPmhPage parse(String fixture) throws BadRecord {
    return parse(ArxivFixtures.oaiPmh(fixture));
  }

  Paper paper(String fixture, String id) throws BadRecord {
    return parse(fixture).papers().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + fixture));
  }

  static List<String> ids(List<Paper> papers) {
    return papers.stream().map(Paper::id).toList();
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
# fixture                              | id         | v | title                                                                                 | authors                                                                          | categories                                      | published            | updated              | day        | comment                                                                         | journal ref                                      | doi
ListRecordsResponse.xml                | 0704.0471  | 1 | Density dependence of the symmetry energy and the nuclear equation of state: A Dynamical and Statistical model perspective | D.V. Shetty; S.J. Yennello; G.A. Souliotis                    | nucl-ex nucl-th                                 | 2007-04-03T22:04:11Z | 2007-04-03T22:04:11Z | 2014-11-18 | 16 pages, 14 figures                                                            | Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007 | 10.1103/PhysRevC.76.024606 10.1103/PhysRevC.76.039902
ListRecordsResponse.xml                | 0704.0716  | 4 | Limit distributions and scaling functions                                             | Christoph Richard                                                                | math-ph math.MP                                 | 2007-04-05T12:45:03Z | 2008-11-14T09:07:25Z | 2014-12-22 | 54 pages, 2 figures; v2 updated and slightly expanded; v3 changes in some proofs; v4 slightly expanded | Polygons, polyominoes and polycubes, 247-299, Lecture Notes in Phys., 775, Springer, Dordrecht, 2009 |
ListRecordsResponse.xml                | 0704.1109  | 2 | Spinning Strings, Black Holes and Stable Closed Timelike Geodesics                    | Valeria M. Rosa; Patricio S. letelier                                            | gr-qc                                           | 2007-04-09T14:45:43Z | 2008-01-29T20:15:01Z | 2014-11-18 | 5 pages, RevTex4, some corrections and new material added                      | Int.J.Theor.Phys.49:316-323,2010                 | 10.1007/s10773-009-0204-x
GetRecordResponse.xml                  | 1302.2146  | 2 | The Same-Sign Dilepton Signature of RPV/MFV SUSY                                      | Joshua Berger; Maxim Perelstein; Michael Saelim; Philip Tanedo                   | hep-ph hep-ex                                   | 2013-02-08T21:00:01Z | 2013-04-02T01:50:08Z | 2013-04-03 | 18 pages, 6 figures; v2: References added                                       |                                                  |
format-arXiv/arxiv-single.xml          | 1401.2122  | 0 | New integrable (3+1)-dimensional systems and contact geometry                         | A. Sergyeyev                                                                     | math.AP hep-th math-ph math.DG math.MP nlin.SI  | 2014-01-09T00:00:00Z | 2017-10-23T00:00:00Z | 2018-01-25 | 16 pages, LaTeX, no figures, revised and abridged, in this version (v5) the typos were fixed (including some that have unfortunately crept into the published version too), Letters in Mathematical Physics (2017) | Lett. Math. Phys. 108 (2018), no. 2, 359-376 | 10.1007/s11005-017-1013-4
format-arXiv/arxiv-physics-hep-ex.xml  | 1706.09418 | 0 | R-Parity Violation at the LHC                                                         | Daniel Dercks; Herbi Dreiner; Manuel E. Krauss; Toby Opferkuch; Annika Reinert   | hep-ph hep-ex                                   | 2017-06-28T00:00:00Z | 2017-11-26T00:00:00Z | 2017-12-14 | 43 pages, 13 tables, 17 figures; updated Figs. 11-17 and Tab. 12 including NLO corrections; version accepted for publication in EPJC | Eur. Phys. J. C (2017) 77:856 | 10.1140/epjc/s10052-017-5414-4
format-arXiv/sample_arxiv_record.xml   | 1606.04259 | 0 | Extreme Regimes in Quantum Gravity                                                    | Emmanuele Battista                                                               | hep-th                                          | 2016-06-14T00:00:00Z | 2016-06-14T00:00:00Z | 2016-06-15 | Phd thesis in Fundamental and Applied Physics presented at University"Federico II" (Naples, Italy) on 29th April 2016 | |
""")
  void eachRecordBecomesThePaperArxivDescribes(
      String fixture,
      String id,
      int version,
      String title,
      String authors,
      String categories,
      Instant published,
      Instant updated,
      LocalDate day,
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
    assertEquals(day, p.dailyDate());
    assertEquals(comment, p.comment());
    assertEquals(journalRef, p.journalRef());
    assertEquals(doi, p.doi());
    assertEquals(Set.of(Source.ARXIV_OAI), p.sources());
    assertFalse(p.withdrawn());
  }

  @ParameterizedTest
  @CsvSource({
    "ListRecordsResponse.xml, 6",
    "GetRecordResponse.xml, 1",
    "format-arXiv/arxiv-single.xml, 1",
    "format-arXiv/arxiv-physics-hep-ex.xml, 3",
    "format-arXiv/arxiv-physics-hep-th.xml, 3",
    "format-arXiv/sample_arxiv_record.xml, 12",
    "format-arXiv/sample_arxiv_record4.xml, 1",
  })
  void everyRecordOfEachFormatBecomesAPaper(String fixture, int records) throws BadRecord {
    OaiPmhPage page = parse(fixture);
    assertEquals(records, page.papers().size());
    assertEquals(List.of(), page.rejected());
    for (Paper p : page.papers()) {
      assertFalse(p.authors().isEmpty(), p.id());
      assertFalse(p.abstractText().isBlank(), p.id());
      assertFalse(p.categories().isEmpty(), p.id());
      assertTrue(p.published() != null && p.updated() != null, p.id());
      assertTrue(!p.updated().isBefore(p.published()), p.id());
      assertTrue(p.dailyDate() != null, p.id());
    }
  }

  @Test
  void structuredAuthorsReadForenamesFirstThenKeynameAndSuffix() throws BadRecord {
    List<String> authors = paper("format-arXiv/sample_arxiv_record4.xml", "1603.05976").authors();
    // arXiv split "Keck Array and BICEP2 Collaborations: P. Ade, ..." into these parts itself
    assertEquals(List.of("Keck Array", "BICEP2 Collaborations", "P. Ade"), authors.subList(0, 3));
    assertTrue(authors.contains("R. W. IV"), "a suffix goes last");
    assertFalse(authors.contains(":"), "a lone colon is no author");
  }

  @Test
  void aRecordWhoseArxivElementLostItsNamespaceStillReads() throws BadRecord {
    Paper p = paper("format-arXiv/sample_arxiv_record.xml", "1601.03238");
    assertEquals(
        "Irreversible degradation of quantum coherence under relativistic motion", p.title());
    assertEquals(
        List.of("Planck Collaboration", "Jieci Wang", "Zehua Tian", "Jiliang Jing", "Heng Fan"),
        p.authors());
    assertEquals(
        "Curtis J. Saxton Walton",
        paper("format-arXiv/sample_arxiv_record.xml", "1606.07066").authors().get(0),
        "two keynames, as INSPIRE's edit has it, are both kept");
  }

  @Test
  void hardWrappedTitlesAndAbstractsReadAsOneLine() throws BadRecord {
    Paper p = paper("GetRecordResponse.xml", "1302.2146");
    assertTrue(p.abstractText().startsWith("The lack of observation of superpartners at the"));
    assertTrue(p.abstractText().endsWith("TeV LHC with a 100 fb^-1 data set."));
    assertFalse(p.abstractText().contains("\n") || p.abstractText().contains("  "));
  }

  @Test
  void theLatestVersionAndItsDateComeFromTheVersionsWhateverTheirOrder() throws BadRecord {
    Paper p = paper("derived/ListRecords-arXivRaw-withdrawn.xml", "2608.01236");
    assertEquals(2, p.version());
    assertEquals(Instant.parse("2026-08-03T18:00:02Z"), p.published(), "v1's date");
    assertEquals(Instant.parse("2026-09-01T08:00:00Z"), p.updated(), "v2's date");
  }

  @ParameterizedTest
  @CsvSource({
    "2608.01234, true, the latest version has no files (0kb)",
    "2608.01235, true, the comments say it was withdrawn",
    "2608.01236, false, only an earlier version had no files",
  })
  void aPaperIsWithdrawnWhenItsLatestVersionHasNoFilesOrItsCommentsSaySo(
      String id, boolean withdrawn, String why) throws BadRecord {
    assertEquals(
        withdrawn, paper("derived/ListRecords-arXivRaw-withdrawn.xml", id).withdrawn(), why);
  }

  @Test
  void aDeletedRecordIsReportedWithItsDayAndIsNoPaper() throws BadRecord {
    OaiPmhPage page = parse("derived/ListRecordsResponse-page2.xml");
    assertEquals(List.of("1302.2146"), ids(page.papers()));
    assertEquals(
        List.of(new DeletedRecord("0704.1587", LocalDate.parse("2014-11-21"))), page.deleted());
    assertEquals(List.of(), page.rejected());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      textBlock =
"""
ListRecordsResponse.xml,                    726959|1001, 0,    58011, -,                    false
derived/ListRecordsResponse-page2.xml,      '',          1000, 58011, -,                    true
derived/ListRecords-arXiv-hep-th-page1.xml, verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dphysics%253Ahep-th%26from%3D2017-12-14%26skip%3D2, -, -, 2017-12-15T00:00:00Z, false
derived/ListRecords-arXiv-hep-th-page2.xml, '',          -,    -,     2017-12-15T00:00:00Z, true
""")
  void theResumptionTokenSaysWhereTheListGoesOnInBothStyles(
      String fixture,
      String value,
      Integer cursor,
      Integer completeListSize,
      Instant expires,
      boolean complete)
      throws BadRecord {
    OaiPmhPage page = parse(fixture);
    assertEquals(
        new ResumptionToken(value, cursor, completeListSize, expires), page.resumptionToken());
    assertEquals(complete, page.complete());
  }

  static byte[] listRecords(String inside) {
    return ("<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'><ListRecords>"
            + inside
            + "</ListRecords></OAI-PMH>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theStandardsExpirationDateAndABareEmptyTokenAreReadToo() throws BadRecord {
    OaiPmhPage page =
        parse(
            listRecords(
                "<resumptionToken expirationDate='2026-09-02T00:00:00Z'>a|b</resumptionToken>"));
    assertEquals(Instant.parse("2026-09-02T00:00:00Z"), page.resumptionToken().expirationDate());
    assertFalse(page.complete());
    assertTrue(parse(listRecords("<resumptionToken/>")).complete());
  }

  @Test
  void anAnswerWithoutATokenIsTheWholeList() throws BadRecord {
    OaiPmhPage page = parse("GetRecordResponse.xml");
    assertNull(page.resumptionToken());
    assertTrue(page.complete());
  }

  @Test
  void noRecordsMatchIsAnEmptyCompleteListNotAnError() throws BadRecord {
    OaiPmhPage page = parse("ErrorResponseNoRecordsMatch.xml");
    assertEquals(List.of(), page.papers());
    assertEquals(List.of(), page.deleted());
    assertTrue(page.complete());
  }

  @Test
  void aBadResumptionTokenIsItsOwnErrorSoThatTheHarvestStartsAgain() {
    ArxivException.BadResumptionToken e =
        assertThrows(
            ArxivException.BadResumptionToken.class,
            () -> parse("ErrorResponseBadResumptionToken.xml"));
    assertEquals("badResumptionToken", e.code());
    assertEquals("The resumptionToken supplied is illegal for this repository", e.arxivMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
ErrorResponseBadArgument.xml    | badArgument    | Verb 'ListRecords', illegal argument 'identifier'.
ErrorResponseBadVerb.xml        | badVerb        | Bad verb. Verb 'wah' not implemented.
ErrorResponseIdDoesNotExist.xml | idDoesNotExist | Identifier 'oai:arXiv.org:0813.2274' has correct form but does not correspond to an item in this repository
""")
  void everyOtherErrorCarriesArxivsCodeAndWords(String fixture, String code, String message) {
    ArxivException.OaiPmhError e =
        assertThrows(ArxivException.OaiPmhError.class, () -> parse(fixture));
    assertFalse(e instanceof ArxivException.BadResumptionToken);
    assertEquals(code, e.code());
    assertEquals(message, e.arxivMessage());
    assertEquals("arXiv's OAI-PMH interface answered " + code + ": " + message, e.getMessage());
  }

  @Test
  void aBrokenRecordIsCountedWithItsReasonAndTheOthersAreKept() throws BadRecord {
    OaiPmhPage page = parse("bad/ListRecordsResponse-three-broken-records.xml");
    assertEquals(List.of("0704.0471", "0704.0874", "0704.1586"), ids(page.papers()));
    assertEquals(
        List.of(
            new RejectedRecord("invalid arXiv id", "record 2 (oai:arXiv.org:0704.0716)"),
            new RejectedRecord(
                "invalid version date 'Tue, 29 Jbn 2008 20:15:01 GMT'",
                "record 4 (oai:arXiv.org:0704.1109)"),
            new RejectedRecord("missing title", "record 5 (oai:arXiv.org:0704.1114)")),
        page.rejected());
    assertEquals("726959|1001", page.resumptionToken().value(), "the page still goes on");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cut off", "empty", "html", "not xml"})
  void anAnswerThatIsNotACompleteOaiPmhAnswerIsAnErrorWorthRetrying(String input) {
    byte[] whole = ArxivFixtures.oaiPmh("ListRecordsResponse.xml");
    byte[] body =
        switch (input) {
          case "cut off" -> Arrays.copyOf(whole, whole.length * 2 / 3);
          case "empty" -> new byte[0];
          case "html" -> "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
          default -> "Service Unavailable".getBytes(StandardCharsets.UTF_8);
        };
    assertThrows(BadRecord.class, () -> parse(body));
  }
}
