package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** arXivRaw's authors lines, split as arXiv's abstract pages list them. */
class ArxivAuthorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
Christoph Richard                                                   | Christoph Richard
Joshua Berger, Maxim Perelstein, Michael Saelim and Philip Tanedo   | Joshua Berger; Maxim Perelstein; Michael Saelim; Philip Tanedo
D.V. Shetty, S.J. Yennello, and G.A. Souliotis                      | D.V. Shetty; S.J. Yennello; G.A. Souliotis
Valeria M. Rosa & Patricio S. letelier                              | Valeria M. Rosa; Patricio S. letelier
Alexander Anderson and Sandra Andrews                               | Alexander Anderson; Sandra Andrews
A. Smith (MIT, Cambridge and Boston), B. Jones (Oxford)             | A. Smith; B. Jones
A. Smith (1), B. Jones (1 and 2) ((1) MIT, (2) Oxford)              | A. Smith; B. Jones
BELLE Collaboration: A. Person, N. Other                            | BELLE Collaboration; A. Person; N. Other
John Smith, Jr., Jane Doe                                           | John Smith Jr.; Jane Doe
The DELPHI Collaboration, J. Abdallah, et al                        | The DELPHI Collaboration; J. Abdallah
A. Smith (MIT                                                       | A. Smith
""")
  void anAuthorsLineSplitsIntoWholeNames(String line, String names) {
    assertEquals(List.of(names.split("; ")), ArxivAuthors.split(line));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "Jieci, Wang, -, Jieci Wang",
        "R., W., IV, R. W. IV",
        "-, Planck Collaboration, -, Planck Collaboration",
        "-, :, -, -",
      })
  void structuredPartsJoinForenamesFirst(
      String forenames, String keyname, String suffix, String name) {
    assertEquals(name, ArxivAuthors.join(forenames, keyname, suffix));
  }
}
