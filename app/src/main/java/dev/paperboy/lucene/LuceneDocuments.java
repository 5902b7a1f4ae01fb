package dev.paperboy.lucene;

import dev.paperboy.search.AuthorNames;
import dev.paperboy.search.PaperIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** How a paper becomes a Lucene document: field names and what each holds. */
final class LuceneDocuments {

  static final String ID = "id";
  static final String ID_SORT = "id_sort";
  static final String TITLE = "title";
  static final String TITLE_EXACT = "title_exact";
  static final String ABSTRACT = "abstract";

  /** Title and abstract together, the main BM25 field (as BEIR's BM25 baseline indexes them). */
  static final String TEXT = "text";

  static final String AUTHORS = "authors";

  /**
   * Title and abstract words as written (lower case, not stemmed), without frequencies or
   * positions: what "did you mean" suggests from.
   */
  static final String WORDS = "words";

  private static final FieldType WORDS_TYPE = wordsType();

  /** Each author's name in the folded forms people type ({@link AuthorNames#keys}), exact terms. */
  static final String AUTHOR_KEY = "author_key";

  static final String CATEGORY = "category";
  static final String DAY = "day";
  static final String DAY_SORT = "day_sort";
  static final String HAS_CODE = "has_code";
  static final String VECTOR = "vector";

  private LuceneDocuments() {}

  private static FieldType wordsType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /** The paper's Lucene document; without a vector until the paper is embedded. */
  static Document of(PaperIndex.Document p) {
    Document d = new Document();
    if (p.vector() != null) {
      d.add(new KnnFloatVectorField(VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    }
    d.add(new StringField(ID, p.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID_SORT, new BytesRef(p.id())));
    d.add(new TextField(TITLE, p.title(), Field.Store.YES));
    d.add(new StringField(TITLE_EXACT, PaperIndex.exactTitle(p.title()), Field.Store.NO));
    d.add(new TextField(ABSTRACT, p.abstractText(), Field.Store.YES));
    d.add(new TextField(TEXT, p.title() + "\n" + p.abstractText(), Field.Store.NO));
    d.add(new TextField(AUTHORS, String.join("\n", p.authors()), Field.Store.NO));
    d.add(new Field(WORDS, p.title() + "\n" + p.abstractText(), WORDS_TYPE));
    for (String k : AuthorNames.keysOf(p.authors())) {
      d.add(new StringField(AUTHOR_KEY, k, Field.Store.NO));
    }
    for (String c : p.categories()) {
      d.add(new StringField(CATEGORY, c, Field.Store.NO));
    }
    long day = p.day() == null ? 0 : p.day().toEpochDay();
    d.add(new LongPoint(DAY, day));
    d.add(new NumericDocValuesField(DAY_SORT, day));
    d.add(new StringField(HAS_CODE, p.hasCode() ? "true" : "false", Field.Store.NO));
    return d;
  }
}
