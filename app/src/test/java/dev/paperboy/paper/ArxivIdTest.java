package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest
  @CsvSource({
    "2603.25040, 2603.25040, 0",
    "2603.25040v3, 2603.25040, 3",
    "0704.0001, 0704.0001, 0",
    "arXiv:1707.08567v2, 1707.08567, 2",
    "https://arxiv.org/abs/2405.15738, 2405.15738, 0",
    "https://arxiv.org/pdf/2405.15738v1.pdf, 2405.15738, 1",
    "hep-th/9901001, hep-th/9901001, 0",
    "quant-ph/0201082v1, quant-ph/0201082, 1",
    "math.AG/0601001, math.AG/0601001, 0",
    "http://arxiv.org/abs/astro-ph/0601001v2, astro-ph/0601001, 2",
    "arxiv.org/pdf/2401.12345, 2401.12345, 0",
    "https://huggingface.co/papers/2401.12345, 2401.12345, 0",
    "huggingface.co/papers/2401.12345v2, 2401.12345, 2",
    "https://hf.co/papers/2401.12345, 2401.12345, 0",
  })
  void acceptsEverySpellingUsersAndSourcesUse(String text, String id, int version) {
    assertEquals(Optional.of(new ArxivId(id, version)), ArxivId.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "2603.250",
        "12345.67890",
        "hep-th/99",
        "<script>",
        "0000",
        "https://huggingface.co/models/2401.12345",
        "https://example.org/abs/2401.12345"
      })
  void rejectsTextThatIsNotAnId(String text) {
    assertTrue(ArxivId.parse(text).isEmpty(), text);
  }

  @org.junit.jupiter.api.Test
  void writesTheVersionOnlyWhenKnown() {
    assertEquals("2603.25040v2", new ArxivId("2603.25040", 2).versioned());
    assertEquals("2603.25040", new ArxivId("2603.25040", 0).versioned());
  }
}
