package dev.paperboy.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The one place that decides how text is analysed, for indexing and querying alike. */
final class Analyzers {

  private Analyzers() {}

  /**
   * English stemming and stop words for prose; names are only split, lower-cased and folded to
   * ASCII ("Müller" matches "Muller").
   */
  static Analyzer create() {
    return new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(),
        Map.of(LuceneDocuments.AUTHORS, names(), LuceneDocuments.WORDS, new StandardAnalyzer()));
  }

  private static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, folded);
      }
    };
  }
}
