package dev.paperboy.lucene;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.AuthorNames;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.PaperIndex.Highlight;
import dev.paperboy.search.PaperIndex.Matches;
import dev.paperboy.search.PaperIndex.Scored;
import dev.paperboy.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 keyword search over title (boosted), abstract and authors. An exact arXiv id or exact title
 * is pinned first; short queries also match words one or two typos away. Also nearest neighbours by
 * vector, and highlights.
 */
final class LuceneSearcher {

  /**
   * BM25 fields and weights: title and abstract as one text, plus the title again at half weight so
   * title words count extra, plus author names. Separate title and abstract fields with the title
   * at 2.0 measured worse on SciFact train (keyword nDCG@10 0.628 against 0.692).
   */
  private static final Map<String, Float> FIELDS =
      Map.of(
          LuceneDocuments.TEXT, 1.0f,
          LuceneDocuments.TITLE, 0.5f,
          LuceneDocuments.AUTHORS, 0.5f);

  private static final float PIN_ID = 10_000f;
  private static final float PIN_TITLE = 5_000f;

  /** A query that is an author's name puts that author's papers above the rest, as pins. */
  private static final float PIN_AUTHOR = 2_000f;

  /**
   * The query's words near each other ({@link PaperIndex#phraseSlop}) in title or abstract count
   * extra: "kv cache compression" as a phrase rather than three words anywhere. It lifted keyphrase
   * MRR@10 from 0.833 to 0.929 on the dev set (1.0 gave 0.925); claims did not move.
   */
  static final float PHRASE = 2.0f;

  private static final float FUZZY = 0.3f;
  private static final int SHORT_QUERY_TERMS = 3;

  /** Words in fewer papers than this may be misspellings and also match their near spellings. */
  private static final int TYPO_MAX_DOC_FREQ = 3;

  private static final int ABSTRACT_PASSAGES = 2;
  private static final int COUNT_UP_TO = 1000;

  private final SearcherManager searchers;
  private final Analyzer analyzer;

  LuceneSearcher(SearcherManager searchers, Analyzer analyzer) {
    this.searchers = searchers;
    this.analyzer = analyzer;
  }

  /**
   * The query with every word no paper uses replaced by the most common word within two edits of it
   * (Lucene's {@link DirectSpellChecker}), or empty when nothing would change.
   */
  Optional<String> respell(String query) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        IndexReader reader = s.getIndexReader();
        DirectSpellChecker spell = new DirectSpellChecker();
        return PaperIndex.respellWords(
            query,
            word -> {
              try {
                Term t = new Term(LuceneDocuments.WORDS, word);
                if (reader.docFreq(t) > 0) {
                  return null;
                }
                SuggestWord[] better =
                    spell.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                return better.length > 0 ? better[0].string : null;
              } catch (IOException e) {
                throw new UncheckedIOException("spelling '" + query + "' failed", e);
              }
            });
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("spelling '" + query + "' failed", e);
    }
  }

  /** Segments the searcher reads now: one after a merge, more as increments arrive. */
  int segments() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().leaves().size();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Documents in the latest searchable commit. */
  int count() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first {@code n} keyword matches in the request's order (relevance or newest). In relevance
   * order, exact id and title matches come first as pinned, the rest by score then id.
   */
  Matches keyword(SearchRequest r, int n) {
    if (r.order() == SearchRequest.Order.UPVOTES) {
      throw new IllegalArgumentException("the upvote order is the database's, not the index's");
    }
    try {
      IndexSearcher s = searchers.acquire();
      try {
        Query keyword = query(r, s.getIndexReader());
        boolean relevance = r.order() == SearchRequest.Order.RELEVANCE;
        // stop counting at COUNT_UP_TO: an exact count of a common word's matches would visit
        // every posting, and lets Lucene skip the blocks that cannot reach the top n
        TopDocs top;
        if (relevance) {
          Query phrase = phrase(r);
          top = s.search(keyword, new TopScoreDocCollectorManager(n, COUNT_UP_TO));
          if (phrase != null) {
            top = new TopDocs(top.totalHits, withPhrase(s, keyword, phrase, top.scoreDocs, n));
          }
        } else {
          // newest first: the phrase cannot change the order or which papers match
          top = s.search(keyword, new TopFieldCollectorManager(newest(), n, COUNT_UP_TO));
        }
        List<ScoreDoc> ranked =
            relevance ? byScoreThenId(s, top.scoreDocs) : List.of(top.scoreDocs);
        List<Scored> pinned = new ArrayList<>();
        List<Scored> rest = new ArrayList<>();
        for (ScoreDoc d : ranked) {
          (relevance && d.score >= PIN_AUTHOR ? pinned : rest)
              .add(new Scored(id(s, d.doc), d.score));
        }
        return new Matches(
            pinned,
            rest,
            top.totalHits.value(),
            top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed for '" + r.query() + "'", e);
    }
  }

  /**
   * The {@code k} papers nearest the vector, nearest first, that pass the request's filters (none
   * when it is null), without {@code exceptId} (when not null).
   */
  List<Scored> nearest(float[] vector, int k, SearchRequest filters, String exceptId) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        // no filter unless the request has one: the graph holds only papers with a vector, and a
        // filter costs a pass over every paper's match before the graph is searched; the paper
        // that asks for its neighbours is dropped from the answer instead (one more is asked)
        Query filter = null;
        if (filters != null) {
          BooleanQuery.Builder clauses = new BooleanQuery.Builder();
          addFilters(filters, clauses);
          BooleanQuery built = clauses.build();
          filter = built.clauses().isEmpty() ? null : built;
        }
        int asked = exceptId == null ? k : k + 1;
        List<Scored> out = new ArrayList<>();
        for (ScoreDoc d :
            s.search(new KnnFloatVectorQuery(LuceneDocuments.VECTOR, vector, asked, filter), asked)
                .scoreDocs) {
          String id = id(s, d.doc);
          if (!id.equals(exceptId) && out.size() < k) {
            out.add(new Scored(id, d.score));
          }
        }
        return out;
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("nearest-neighbour search failed", e);
    }
  }

  /** The request's words marked in the title and abstract of these papers. */
  Map<String, Highlight> highlight(SearchRequest r, List<String> ids) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        List<String> found = new ArrayList<>();
        List<Integer> docs = new ArrayList<>();
        for (String id : ids) {
          TopDocs hit = s.search(new TermQuery(new Term(LuceneDocuments.ID, id)), 1);
          if (hit.scoreDocs.length == 1) {
            found.add(id);
            docs.add(hit.scoreDocs[0].doc);
          }
        }
        int[] docIds = docs.stream().mapToInt(Integer::intValue).toArray();
        // the words only: a filter clause (has code, a category) matches no title or abstract, and
        // the highlighter would then mark nothing at all
        Query keyword = match(r, s.getIndexReader(), true);
        String[] titles = highlight(s, true, LuceneDocuments.TITLE, keyword, docIds, 1);
        String[] abstracts =
            highlight(s, false, LuceneDocuments.ABSTRACT, keyword, docIds, ABSTRACT_PASSAGES);
        Map<String, Highlight> out = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
          out.put(found.get(i), new Highlight(titles[i], abstracts[i]));
        }
        return out;
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("highlighting failed for '" + r.query() + "'", e);
    }
  }

  private String[] highlight(
      IndexSearcher s, boolean whole, String field, Query q, int[] docs, int passages)
      throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    // the highlighter wants doc ids ascending; map its answers back to our order
    int[] sorted = docs.clone();
    java.util.Arrays.sort(sorted);
    String[] inDocOrder =
        highlighter(s, whole)
            .highlightFields(new String[] {field}, q, sorted, new int[] {passages})
            .get(field);
    String[] out = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = inDocOrder[java.util.Arrays.binarySearch(sorted, docs[i])];
    }
    return out;
  }

  /**
   * The best {@code n} when the phrase adds to the words' score, exactly as a SHOULD clause would,
   * from two searches that each let Lucene skip what cannot reach the top: {@code byWords} (the
   * words' best n) and the best n of the papers that also match the phrase, by words plus phrase. A
   * paper without the phrase scores by words alone, so it is in the first list if it belongs to the
   * top; one with the phrase is in the second. Scoring the phrase only in the best few hundred by
   * words (a rescore) lost papers whose phrase lifts them from further down: topics nDCG@10 0.430
   * to 0.417 over the 9.6K Hugging Face papers, worse on a bigger index.
   */
  private static ScoreDoc[] withPhrase(
      IndexSearcher s, Query keyword, Query phrase, ScoreDoc[] byWords, int n) throws IOException {
    Query both =
        new BooleanQuery.Builder()
            .add(keyword, Occur.MUST)
            .add(new BoostQuery(phrase, PHRASE), Occur.MUST)
            .build();
    // a paper with the phrase matters only if it beats the words' n-th best: Lucene skips every
    // block whose best possible score is below that from the first document on
    float floor = byWords.length < n ? 0f : byWords[byWords.length - 1].score;
    List<ScoreDoc> byBoth = s.search(both, new Above(floor, n));
    if (byBoth.isEmpty()) {
      return byWords;
    }
    Map<Integer, ScoreDoc> merged = new HashMap<>();
    for (ScoreDoc d : byWords) {
      merged.put(d.doc, d);
    }
    for (ScoreDoc d : byBoth) {
      merged.put(d.doc, d); // its score with the phrase
    }
    return merged.values().stream()
        .sorted(
            (a, b) -> {
              int c = Float.compare(b.score, a.score);
              return c != 0 ? c : Integer.compare(a.doc, b.doc);
            })
        .limit(n)
        .toArray(ScoreDoc[]::new);
  }

  /** The best {@code n} hits scoring above {@code floor}, in no order. */
  private record Above(float floor, int n) implements CollectorManager<Above.Best, List<ScoreDoc>> {
    @Override
    public Best newCollector() {
      return new Best();
    }

    @Override
    public List<ScoreDoc> reduce(Collection<Best> collectors) {
      List<ScoreDoc> all = new ArrayList<>();
      collectors.forEach(c -> all.addAll(c.best));
      return all;
    }

    final class Best implements Collector {
      final PriorityQueue<ScoreDoc> best =
          new PriorityQueue<>(
              (a, b) -> a.score != b.score ? Float.compare(a.score, b.score) : b.doc - a.doc);

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext leaf) {
        return new LeafCollector() {
          private Scorable scorer;

          @Override
          public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            raise();
          }

          @Override
          public void collect(int doc) throws IOException {
            float score = scorer.score();
            if (score <= floor) {
              return;
            }
            best.add(new ScoreDoc(leaf.docBase + doc, score));
            if (best.size() > n) {
              best.poll();
              raise();
            }
          }

          private void raise() throws IOException {
            float min = best.size() == n ? Math.max(floor, best.peek().score) : floor;
            scorer.setMinCompetitiveScore(Math.nextUp(min));
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
      }
    }
  }

  /** Hits best first, equal scores in paper id order, so a page is the same after a rebuild. */
  private static List<ScoreDoc> byScoreThenId(IndexSearcher s, ScoreDoc[] hits) {
    List<ScoreDoc> sorted = new ArrayList<>(List.of(hits));
    Map<Integer, String> ids = new HashMap<>();
    sorted.sort(
        (a, b) -> {
          int c = Float.compare(b.score, a.score);
          return c != 0
              ? c
              : ids.computeIfAbsent(a.doc, d -> id(s, d))
                  .compareTo(ids.computeIfAbsent(b.doc, d -> id(s, d)));
        });
    return sorted;
  }

  /**
   * The paper id of a document, from its doc values: reading the stored id would decompress a block
   * of stored titles and abstracts for every hit.
   */
  private static String id(IndexSearcher s, int doc) {
    try {
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedDocValues ids = leaf.reader().getSortedDocValues(LuceneDocuments.ID_SORT);
      if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("document " + doc + " has no paper id");
      }
      return ids.lookupOrd(ids.ordValue()).utf8ToString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the words rank by, with the request's filters; the phrase is added by a rescore. */
  private Query query(SearchRequest r, IndexReader reader) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(match(r, reader, false), Occur.MUST);
    addFilters(r, q);
    return q.build();
  }

  /**
   * The query's words as a phrase (exact for a short query, sloppy for a longer one), or null when
   * they are one word (a term query, already scored) or none.
   */
  private Query phrase(SearchRequest r) {
    if (PHRASE <= 0) {
      return null;
    }
    Query phrase =
        new QueryBuilder(analyzer)
            .createPhraseQuery(
                LuceneDocuments.TEXT, r.query(), PaperIndex.phraseSlop(terms(r.query()).size()));
    return phrase instanceof PhraseQuery ? phrase : null;
  }

  /** The request's words (BM25, pins, near spellings, the phrase if asked) without its filters. */
  private Query match(SearchRequest r, IndexReader reader, boolean withPhrase) throws IOException {
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    Query text = new SimpleQueryParser(analyzer, FIELDS).parse(r.query());
    if (text != null) {
      match.add(text, Occur.SHOULD);
    }
    Query phrase = withPhrase ? phrase(r) : null;
    if (phrase != null) {
      match.add(new BoostQuery(phrase, PHRASE), Occur.SHOULD);
    }
    String name = AuthorNames.asName(r.query());
    if (name != null) {
      match.add(
          new BoostQuery(new TermQuery(new Term(LuceneDocuments.AUTHOR_KEY, name)), PIN_AUTHOR),
          Occur.SHOULD);
      // the same words as another person's name written family name first: high, not pinned
      match.add(
          new BoostQuery(
              new TermQuery(new Term(LuceneDocuments.AUTHOR_KEY, AuthorNames.REVERSED + name)),
              PIN_AUTHOR / 2),
          Occur.SHOULD);
    }
    Optional<ArxivId> id = ArxivId.parse(r.query());
    id.ifPresent(
        a ->
            match.add(
                new BoostQuery(new TermQuery(new Term(LuceneDocuments.ID, a.id())), PIN_ID),
                Occur.SHOULD));
    String title = PaperIndex.exactTitle(r.query());
    if (!title.isEmpty()) {
      match.add(
          new BoostQuery(new TermQuery(new Term(LuceneDocuments.TITLE_EXACT, title)), PIN_TITLE),
          Occur.SHOULD);
    }
    List<String> terms = terms(r.query());
    if (!terms.isEmpty() && terms.size() <= SHORT_QUERY_TERMS) {
      for (String t : terms) {
        int edits = PaperIndex.typoEdits(t);
        // a word that some papers use is taken as meant; only a rare one may be a typo, and the
        // fuzzy expansion (an automaton per word) is the most expensive part of a query. No
        // prefix is kept exact: Solr's query syntax cannot, and both engines must match alike
        if (edits > 0 && reader.docFreq(new Term(LuceneDocuments.TEXT, t)) < TYPO_MAX_DOC_FREQ) {
          for (String field : List.of(LuceneDocuments.TITLE, LuceneDocuments.ABSTRACT)) {
            match.add(
                new BoostQuery(new FuzzyQuery(new Term(field, t), edits, 0), FUZZY), Occur.SHOULD);
          }
        }
      }
    }
    return match.build();
  }

  private static void addFilters(SearchRequest r, BooleanQuery.Builder q) {
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
      long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay();
      q.add(LongPoint.newRangeQuery(LuceneDocuments.DAY, from, to), Occur.FILTER);
    }
    if (r.category() != null) {
      q.add(new TermQuery(new Term(LuceneDocuments.CATEGORY, r.category())), Occur.FILTER);
    }
    if (r.hasCode()) {
      q.add(new TermQuery(new Term(LuceneDocuments.HAS_CODE, "true")), Occur.FILTER);
    }
  }

  private List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(LuceneDocuments.ABSTRACT, text)) {
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

  private static Sort newest() {
    return new Sort(
        new SortField(LuceneDocuments.DAY_SORT, SortField.Type.LONG, true),
        new SortField(LuceneDocuments.ID_SORT, SortField.Type.STRING));
  }

  private UnifiedHighlighter highlighter(IndexSearcher s, boolean whole) {
    UnifiedHighlighter.Builder b =
        UnifiedHighlighter.builder(s, analyzer)
            // query terms target the combined text field; mark them in title and abstract too
            .withFieldMatcher(field -> true)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true));
    if (whole) {
      b.withBreakIterator(WholeBreakIterator::new);
    }
    return b.build();
  }
}
