package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * BM25 keyword search over title (boosted), abstract and authors. An exact arXiv id or exact title
 * is pinned first; short queries also match words one or two typos away.
 */
final class PaperSearcher {

  private static final Map<String, Float> FIELDS =
      Map.of(
          PaperDocuments.TITLE, 2.0f, PaperDocuments.ABSTRACT, 1.0f, PaperDocuments.AUTHORS, 1.0f);
  private static final float PIN_ID = 10_000f;
  private static final float PIN_TITLE = 5_000f;
  private static final float FUZZY = 0.3f;
  private static final int SHORT_QUERY_TERMS = 3;
  private static final int ABSTRACT_PASSAGES = 2;

  private final SearcherManager searchers;
  private final Analyzer analyzer;

  PaperSearcher(SearcherManager searchers, Analyzer analyzer) {
    this.searchers = searchers;
    this.analyzer = analyzer;
  }

  SearchResults search(SearchRequest r) {
    Query query = query(r);
    try {
      IndexSearcher s = searchers.acquire();
      try {
        int total = s.count(query);
        TopDocs top = s.search(query, r.offset() + r.limit(), sort(r.order()), true);
        ScoreDoc[] page = pageOf(top.scoreDocs, r.offset());
        TopDocs pageDocs = new TopDocs(top.totalHits, page);
        String[] titles = highlighter(s, true).highlight(PaperDocuments.TITLE, query, pageDocs, 1);
        String[] abstracts =
            highlighter(s, false)
                .highlight(PaperDocuments.ABSTRACT, query, pageDocs, ABSTRACT_PASSAGES);
        List<SearchResults.Hit> hits = new ArrayList<>();
        var stored = s.storedFields();
        for (int i = 0; i < page.length; i++) {
          String id = stored.document(page[i].doc).get(PaperDocuments.ID);
          hits.add(new SearchResults.Hit(id, page[i].score, titles[i], abstracts[i]));
        }
        return new SearchResults(hits, total, null);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed for '" + r.query() + "'", e);
    }
  }

  Query query(SearchRequest r) {
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    Query text = new SimpleQueryParser(analyzer, FIELDS).parse(r.query());
    if (text != null) {
      match.add(text, Occur.SHOULD);
    }
    Optional<ArxivId> id = ArxivId.parse(r.query());
    id.ifPresent(
        a ->
            match.add(
                new BoostQuery(new TermQuery(new Term(PaperDocuments.ID, a.id())), PIN_ID),
                Occur.SHOULD));
    String title = PaperDocuments.normaliseTitle(r.query());
    if (!title.isEmpty()) {
      match.add(
          new BoostQuery(new TermQuery(new Term(PaperDocuments.TITLE_EXACT, title)), PIN_TITLE),
          Occur.SHOULD);
    }
    List<String> terms = terms(r.query());
    if (!terms.isEmpty() && terms.size() <= SHORT_QUERY_TERMS) {
      for (String t : terms) {
        int edits = t.length() >= 8 ? 2 : t.length() >= 4 ? 1 : 0;
        if (edits > 0) {
          for (String field : List.of(PaperDocuments.TITLE, PaperDocuments.ABSTRACT)) {
            match.add(
                new BoostQuery(new FuzzyQuery(new Term(field, t), edits, 1), FUZZY), Occur.SHOULD);
          }
        }
      }
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(match.build(), Occur.MUST);
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
      long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay();
      q.add(LongPoint.newRangeQuery(PaperDocuments.DAY, from, to), Occur.FILTER);
    }
    if (r.category() != null) {
      q.add(new TermQuery(new Term(PaperDocuments.CATEGORY, r.category())), Occur.FILTER);
    }
    if (r.hasCode()) {
      q.add(new TermQuery(new Term(PaperDocuments.HAS_CODE, "true")), Occur.FILTER);
    }
    return q.build();
  }

  private List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(PaperDocuments.ABSTRACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Sort sort(SearchRequest.Order order) {
    SortField byId = new SortField(PaperDocuments.ID_SORT, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
      case NEWEST ->
          new Sort(new SortField(PaperDocuments.DAY_SORT, SortField.Type.LONG, true), byId);
      case UPVOTES ->
          new Sort(new SortField(PaperDocuments.UPVOTES, SortField.Type.LONG, true), byId);
    };
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] docs, int offset) {
    if (offset >= docs.length) {
      return new ScoreDoc[0];
    }
    ScoreDoc[] page = new ScoreDoc[docs.length - offset];
    System.arraycopy(docs, offset, page, 0, page.length);
    return page;
  }

  private UnifiedHighlighter highlighter(IndexSearcher s, boolean whole) {
    UnifiedHighlighter.Builder b =
        UnifiedHighlighter.builder(s, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true));
    if (whole) {
      b.withBreakIterator(WholeBreakIterator::new);
    }
    return b.build();
  }
}
