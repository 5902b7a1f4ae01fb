package dev.paperboy.cite;

import static dev.paperboy.cite.Citations.paper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RisTest {

  static final Pattern LINE = Pattern.compile("([A-Z][A-Z0-9])  - (.*)");

  /** Reads RIS as its specification has it: every line "XX - value", each record from TY to ER. */
  static List<Map<String, List<String>>> records(String ris) {
    List<Map<String, List<String>>> out = new ArrayList<>();
    Map<String, List<String>> current = null;
    for (String line : ris.split("\r\n")) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "not a RIS line: '" + line + "'");
      String tag = m.group(1);
      if (tag.equals("TY")) {
        assertEquals(null, current, "TY inside a record");
        current = new LinkedHashMap<>();
      }
      assertTrue(current != null, tag + " outside a record");
      current.computeIfAbsent(tag, t -> new ArrayList<>()).add(m.group(2));
      if (tag.equals("ER")) {
        out.add(current);
        current = null;
      }
    }
    assertEquals(null, current, "the last record has no ER");
    assertFalse(out.isEmpty(), "no records in " + ris);
    return out;
  }

  @Test
  void aPreprintIsAGenericRecordWithEveryAuthor() {
    var r =
        records(
                Ris.of(
                    paper(
                        "2608.01234",
                        "Line\nbreaks & all",
                        List.of("Zoë Müller", "Ada Lovelace"),
                        null,
                        null)))
            .get(0);
    assertEquals(List.of("GEN"), r.get("TY"));
    assertEquals(List.of("Zoë Müller", "Ada Lovelace"), r.get("AU"));
    assertEquals(List.of("Line breaks & all"), r.get("TI"));
    assertEquals(List.of("2026"), r.get("PY"));
    assertEquals(List.of("2026/08/03"), r.get("DA"));
    assertEquals(List.of("https://arxiv.org/abs/2608.01234"), r.get("UR"));
    assertEquals(List.of("We study $O(n^2)$ costs & 50% savings."), r.get("AB"));
    assertEquals(List.of("cs.LG", "cs.CL", "kv cache"), r.get("KW"));
    assertFalse(r.containsKey("DO"));
    assertFalse(r.containsKey("JO"));
  }

  @Test
  void aPublishedPaperIsAJournalArticleWithDoi() {
    var all =
        records(
            Ris.of(
                List.of(
                    paper("2608.01235", "A", List.of("G H"), "Nature 612 (2026)", "10.1/x"),
                    paper("2608.01236", "B", List.of("G H"), null, null))));
    assertEquals(2, all.size());
    assertEquals(List.of("JOUR"), all.get(0).get("TY"));
    assertEquals(List.of("Nature 612 (2026)"), all.get(0).get("JO"));
    assertEquals(List.of("10.1/x"), all.get(0).get("DO"));
    assertEquals(List.of("GEN"), all.get(1).get("TY"));
  }
}
