package dev.paperboy.solr;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.search.AuthorNames;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.PaperIndex.Highlight;
import dev.paperboy.search.PaperIndex.Matches;
import dev.paperboy.search.PaperIndex.Scored;
import dev.paperboy.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase.AnalysisPhase;
import org.apache.solr.client.solrj.response.AnalysisResponseBase.TokenInfo;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * The embedded index's questions asked of Solr: the same BM25 fields and weights (edismax with
 * {@code tie=1} sums the fields as Lucene's simple query parser does), the same id and title pins,
 * the same typo rule (decided on Solr's own analysis and document frequencies), the same filters
 * before the kNN, and the same highlighter settings. See {@code
 * dev.paperboy.lucene.LuceneSearcher}.
 */
final class SolrQueries {

  private static final String FIELDS = "text title^0.5 authors^0.5";
  private static final float PIN_ID = 10_000f;
  private static final float PIN_TITLE = 5_000f;
  private static final float PIN_AUTHOR = 2_000f;
  private static final float PHRASE = 2.0f;
  private static final float FUZZY = 0.3f;
  private static final int SHORT_QUERY_TERMS = 3;
  private static final int TYPO_MAX_DOC_FREQ = 3;
  private static final int COUNT_UP_TO = 1000;
  private static final int CACHED_ANALYSES = 512;

  private final SolrCluster cluster;
  private final String collection;

  /** Recent queries' analysed terms: the analysis is a round trip, and queries repeat. */
  private final Map<String, List<String>> analysed =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
          return size() > CACHED_ANALYSES;
        }
      };

  SolrQueries(SolrCluster cluster, String collection) {
    this.cluster = cluster;
    this.collection = collection;
  }

  static SolrInputDocument document(PaperIndex.Document p) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField("id", p.id());
    d.addField("title", p.title());
    d.addField("title_exact", PaperIndex.exactTitle(p.title()));
    d.addField("abstract", p.abstractText());
    d.addField("text", p.title() + "\n" + p.abstractText());
    d.addField("authors", String.join("\n", p.authors()));
    AuthorNames.keysOf(p.authors()).forEach(k -> d.addField("author_key", k));
    d.addField("words", p.title() + "\n" + p.abstractText());
    for (String c : p.categories()) {
      d.addField("category", c);
    }
    d.addField("day", p.day() == null ? 0L : p.day().toEpochDay());
    d.addField("has_code", p.hasCode());
    if (p.vector() != null) {
      List<Float> v = new ArrayList<>(p.vector().length);
      for (float f : p.vector()) {
        v.add(f);
      }
      d.addField("vector", v);
    }
    return d;
  }

  Matches keyword(SearchRequest r, int n) {
    if (r.order() == SearchRequest.Order.UPVOTES) {
      throw new IllegalArgumentException("the upvote order is the database's, not the index's");
    }
    boolean relevance = r.order() == SearchRequest.Order.RELEVANCE;
    // newest first needs no phrase: it cannot change the order or which papers match
    SolrQuery q = keywordQuery(r, relevance);
    q.setRows(n);
    q.setFields("id", "score");
    q.set("minExactCount", COUNT_UP_TO);
    q.set(
        "sort", relevance ? "score desc,id asc" : "day desc,id asc"); // ties in id order, as Lucene
    filters(r, q);
    QueryResponse resp = run(q, "searching for '" + r.query() + "'");
    List<Scored> pinned = new ArrayList<>();
    List<Scored> rest = new ArrayList<>();
    for (Scored s : SolrIndex.scored(resp)) {
      (relevance && s.score() >= PIN_AUTHOR ? pinned : rest).add(s);
    }
    Boolean exact = resp.getResults().getNumFoundExact();
    return new Matches(pinned, rest, resp.getResults().getNumFound(), exact != null && !exact);
  }

  List<Scored> nearest(float[] vector, int k, SearchRequest filters, String exceptId) {
    StringBuilder v = new StringBuilder("{!knn f=vector topK=").append(k).append("}[");
    for (int i = 0; i < vector.length; i++) {
      v.append(i == 0 ? "" : ",").append(vector[i]);
    }
    SolrQuery q = new SolrQuery(v.append(']').toString());
    q.setRows(k);
    q.setFields("id", "score");
    if (filters != null) {
      filters(filters, q);
    }
    if (exceptId != null) {
      q.addFilterQuery("-id:" + ClientUtils.escapeQueryChars(exceptId));
    }
    return SolrIndex.scored(run(q, "finding nearest neighbours"));
  }

  Map<String, Highlight> highlight(SearchRequest r, List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    SolrQuery keyword = keywordQuery(r, true);
    SolrQuery q = new SolrQuery("{!terms f=id}" + String.join(",", ids));
    keyword.getParameterNames().stream()
        .filter(p -> p.startsWith("pb."))
        .forEach(p -> q.set(p, keyword.getParams(p)));
    q.setRows(ids.size());
    q.setFields("id");
    q.set("hl", true);
    q.set("hl.method", "unified");
    q.set("hl.q", keyword.getQuery());
    q.set("hl.fl", "title,abstract");
    // the query's terms target the combined text field; mark them in title and abstract too
    q.set("hl.requireFieldMatch", false);
    q.set("hl.encoder", "html");
    q.set("hl.tag.pre", "<mark>");
    q.set("hl.tag.post", "</mark>");
    q.set("hl.tag.ellipsis", " … ");
    // 1, not 0: no minimum passage length (plain sentences, as Lucene's highlighter makes them);
    // Solr takes 0 to mean the whole field
    q.set("hl.fragsize", 1);
    q.set("hl.maxAnalyzedChars", 10_000);
    q.set("hl.defaultSummary", true);
    q.set("f.title.hl.bs.type", "WHOLE");
    q.set("f.title.hl.snippets", 1);
    q.set("f.abstract.hl.bs.type", "SENTENCE");
    q.set("f.abstract.hl.snippets", 2);
    return SolrIndex.highlights(run(q, "highlighting '" + r.query() + "'"), ids);
  }

  /**
   * The keyword question as request parameters: BM25 over the fields, the pins and, for a short
   * query, near spellings of its rare words, in one boolean query (parameters named {@code pb.*}).
   * With {@code withPhrase} the words near each other count extra ({@link PaperIndex#phraseSlop}).
   */
  private SolrQuery keywordQuery(SearchRequest r, boolean withPhrase) {
    SolrQuery q = new SolrQuery();
    List<String> should = new ArrayList<>();
    q.set("pb.q", r.query());
    // pf: as the embedded index's phrase query, with the same slop and weight (edismax adds it
    // only for two words or more, as the embedded one does)
    q.set(
        "pb.text",
        "{!edismax qf='"
            + FIELDS
            + (withPhrase
                ? "' pf='text^" + PHRASE + "' ps=" + PaperIndex.phraseSlop(terms(r.query()).size())
                : "'")
            + " tie=1.0 sow=true q.op=OR mm=0 uf=-* v=$pb.q}");
    should.add("pb.text");
    String author = AuthorNames.asName(r.query());
    if (author != null) {
      q.set("pb.author", "author_key:\"" + author + "\"^" + PIN_AUTHOR);
      should.add("pb.author");
      q.set(
          "pb.reversed",
          "author_key:\"" + AuthorNames.REVERSED + author + "\"^" + (PIN_AUTHOR / 2));
      should.add("pb.reversed");
    }
    Optional<ArxivId> id = ArxivId.parse(r.query());
    if (id.isPresent()) {
      q.set("pb.id", "id:" + ClientUtils.escapeQueryChars(id.get().id()) + "^" + PIN_ID);
      should.add("pb.id");
    }
    String title = PaperIndex.exactTitle(r.query());
    if (!title.isEmpty()) {
      q.set("pb.title", "title_exact:\"" + title + "\"^" + PIN_TITLE);
      should.add("pb.title");
    }
    List<String> terms = terms(r.query());
    if (!terms.isEmpty() && terms.size() <= SHORT_QUERY_TERMS) {
      Map<String, Long> freq = documentFrequencies(terms);
      int i = 0;
      for (String t : terms) {
        int edits = PaperIndex.typoEdits(t);
        // as in the embedded index: only a word few papers use may be a typo
        if (edits > 0 && freq.getOrDefault(t, 0L) < TYPO_MAX_DOC_FREQ) {
          for (String field : List.of("title", "abstract")) {
            String name = "pb.f" + i++;
            q.set(name, field + ":" + ClientUtils.escapeQueryChars(t) + "~" + edits + "^" + FUZZY);
            should.add(name);
          }
        }
      }
    }
    StringBuilder bool = new StringBuilder("{!bool");
    for (String s : should) {
      bool.append(" should=$").append(s);
    }
    q.setQuery(bool.append('}').toString());
    return q;
  }

  /** As the embedded index respells: each unknown word by the spellchecker's best, or nothing. */
  java.util.Optional<String> respell(String query) {
    SolrQuery q = new SolrQuery("*:*");
    q.set("spellcheck.q", query);
    q.set("spellcheck.count", 5);
    q.set("spellcheck.extendedResults", true);
    org.apache.solr.client.solrj.response.SpellCheckResponse spell =
        run(q, "/spell", "spelling '" + query + "'").getSpellCheckResponse();
    if (spell == null || spell.getSuggestionMap().isEmpty()) {
      return java.util.Optional.empty();
    }
    return PaperIndex.respellWords(
        query,
        word -> {
          var s = spell.getSuggestionMap().get(word);
          return s != null && s.getNumFound() > 0 && s.getOriginalFrequency() == 0
              ? closest(word, s.getAlternatives(), s.getAlternativeFrequencies())
              : null;
        });
  }

  /**
   * The spellchecker's alternative the embedded index would choose: fewest edits (a swap of two
   * letters is one), then most papers. Shards' suggestions merged lose that order.
   */
  private static String closest(String word, List<String> alternatives, List<Integer> freq) {
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    int bestFreq = -1;
    for (int i = 0; i < alternatives.size(); i++) {
      String a = alternatives.get(i);
      int edits = edits(word, a);
      int f = freq == null || i >= freq.size() ? 0 : freq.get(i);
      if (edits < bestEdits || (edits == bestEdits && f > bestFreq)) {
        best = a;
        bestEdits = edits;
        bestFreq = f;
      }
    }
    return best;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps. */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static void filters(SearchRequest r, SolrQuery q) {
    if (r.from() != null || r.to() != null) {
      q.addFilterQuery(
          "day:["
              + (r.from() == null ? "*" : r.from().toEpochDay())
              + " TO "
              + (r.to() == null ? "*" : r.to().toEpochDay())
              + "]");
    }
    if (r.category() != null) {
      q.addFilterQuery("{!term f=category}" + r.category());
    }
    if (r.hasCode()) {
      q.addFilterQuery("has_code:true");
    }
  }

  /** The query's words as Solr's English analysis makes them (stemmed, no stop words). */
  private List<String> terms(String text) {
    synchronized (analysed) {
      List<String> known = analysed.get(text);
      if (known != null) {
        return known;
      }
    }
    FieldAnalysisRequest a = new FieldAnalysisRequest();
    a.addFieldType("text_en");
    a.setFieldValue(text);
    List<String> out = new ArrayList<>();
    try {
      FieldAnalysisResponse resp = a.process(cluster.client(), collection);
      AnalysisPhase last = null;
      for (AnalysisPhase p : resp.getFieldTypeAnalysis("text_en").getIndexPhases()) {
        last = p;
      }
      if (last != null) {
        for (TokenInfo t : last.getTokens()) {
          out.add(t.getText());
        }
      }
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable("analysing '" + text + "'", e);
    }
    List<String> terms = List.copyOf(out);
    synchronized (analysed) {
      analysed.put(text, terms);
    }
    return terms;
  }

  /** How many papers hold each term, over all shards. */
  private Map<String, Long> documentFrequencies(List<String> terms) {
    // terms.list is comma-separated; a term holding a comma ("1,000") is taken as a common one
    List<String> listable = terms.stream().filter(t -> t.indexOf(',') < 0).toList();
    Map<String, Long> out = new LinkedHashMap<>();
    if (listable.isEmpty()) {
      return out;
    }
    SolrQuery q = new SolrQuery();
    q.setTerms(true);
    q.addTermsField("text");
    q.set("terms.list", String.join(",", listable));
    TermsResponse resp = run(q, "/terms", "counting papers per word").getTermsResponse();
    if (resp != null && resp.getTerms("text") != null) {
      for (TermsResponse.Term t : resp.getTerms("text")) {
        out.put(t.getTerm(), t.getFrequency());
      }
    }
    return out;
  }

  QueryResponse run(SolrQuery q, String doing) {
    return run(q, "/select", doing);
  }

  private QueryResponse run(SolrQuery q, String handler, String doing) {
    QueryRequest request = new QueryRequest(q, SolrRequest.METHOD.POST);
    request.setPath(handler);
    try {
      return request.process(cluster.client(), collection);
    } catch (SolrServerException | IOException | SolrException e) {
      throw cluster.unavailable(doing, e);
    }
  }
}
