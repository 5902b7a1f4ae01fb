package dev.paperboy.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The one place that decides how text is analysed, for indexing and querying alike. */
final class Analyzers {

  private Analyzers() {}

  /** English stemming and stop words for prose; names are only lower-cased and split. */
  static Analyzer create() {
    return new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(), Map.of(LuceneDocuments.AUTHORS, new StandardAnalyzer()));
  }
}
