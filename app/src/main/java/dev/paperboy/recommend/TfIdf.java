package dev.paperboy.recommend;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF-IDF vectors the way scikit-learn's {@code TfidfVectorizer} makes them with arxiv-sanity-lite's
 * settings: accents stripped, lower case, tokens {@code \b[a-zA-Z_][a-zA-Z0-9_]+\b}, English stop
 * words dropped, unigrams and bigrams, terms kept when at least {@code minDf} documents and at most
 * {@code maxDf} of them carry it (the {@code maxFeatures} most frequent), {@code 1 + ln tf} times
 * the smooth idf {@code ln((1 + n) / (1 + df)) + 1}, each vector scaled to unit length.
 */
public final class TfIdf {

  /** Which terms count. */
  public record Options(int minDf, double maxDf, int maxFeatures, boolean bigrams) {
    /** arxiv-sanity-lite's compute.py: min_df 5, max_df 0.1, 20,000 features, (1, 2)-grams. */
    public static final Options ARXIV_SANITY = new Options(5, 0.1, 20_000, true);
  }

  private final Map<String, Integer> vocabulary;
  private final double[] idf;

  private TfIdf(Map<String, Integer> vocabulary, double[] idf) {
    this.vocabulary = vocabulary;
    this.idf = idf;
  }

  /** The vocabulary and idf of these documents (already split into {@link #terms}). */
  public static TfIdf fit(List<List<String>> documents, Options options) {
    Map<String, int[]> counts = new HashMap<>(); // term -> {document frequency, total count}
    for (List<String> doc : documents) {
      Map<String, Integer> tf = termCounts(doc);
      for (Map.Entry<String, Integer> t : tf.entrySet()) {
        int[] c = counts.computeIfAbsent(t.getKey(), k -> new int[2]);
        c[0]++;
        c[1] += t.getValue();
      }
    }
    int n = documents.size();
    double maxDocs = options.maxDf() * n;
    int minDocs = Math.min(options.minDf(), Math.max(1, (int) Math.floor(maxDocs)));
    List<Map.Entry<String, int[]>> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int df = e.getValue()[0];
      if (df >= minDocs && df <= maxDocs) {
        kept.add(e);
      }
    }
    kept.sort(
        Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[1])
            .thenComparing(Map.Entry::getKey));
    if (kept.size() > options.maxFeatures()) {
      kept = kept.subList(0, options.maxFeatures());
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    double[] idf = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      vocabulary.put(kept.get(i).getKey(), i);
      idf[i] = Math.log((1.0 + n) / (1.0 + kept.get(i).getValue()[0])) + 1;
    }
    return new TfIdf(vocabulary, idf);
  }

  public int size() {
    return idf.length;
  }

  /** The term's idf, or 0 when it is not in the vocabulary. */
  public double idf(String term) {
    Integer i = vocabulary.get(term);
    return i == null ? 0 : idf[i];
  }

  /** The document's unit-length vector over the vocabulary. */
  public SparseVector vector(List<String> terms) {
    Map<String, Integer> tf = termCounts(terms);
    int[] index = new int[tf.size()];
    float[] value = new float[tf.size()];
    int n = 0;
    for (Map.Entry<String, Integer> t : tf.entrySet()) {
      Integer i = vocabulary.get(t.getKey());
      if (i != null) {
        index[n] = i;
        value[n++] = (float) ((1 + Math.log(t.getValue())) * idf[i]);
      }
    }
    return SparseVector.of(Arrays.copyOf(index, n), Arrays.copyOf(value, n)).unit();
  }

  /** The text's terms, in order: its tokens and (with bigrams) each pair of neighbours. */
  public static List<String> terms(String text, Options options) {
    List<String> tokens = tokens(text);
    List<String> terms = new ArrayList<>(tokens);
    if (options.bigrams()) {
      for (int i = 1; i < tokens.size(); i++) {
        terms.add(tokens.get(i - 1) + " " + tokens.get(i));
      }
    }
    return terms;
  }

  /**
   * The words scikit-learn's pattern {@code (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b} finds after accents are
   * stripped and the text lower-cased: whole runs of word characters that are ASCII, at least two
   * long and not starting with a digit; stop words dropped.
   */
  static List<String> tokens(String text) {
    String s = stripAccents(text).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (!isWord(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean ascii = true;
      while (i < s.length() && isWord(s.charAt(i))) {
        char c = s.charAt(i);
        ascii &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        i++;
      }
      char first = s.charAt(start);
      if (ascii && i - start >= 2 && !(first >= '0' && first <= '9')) {
        String token = s.substring(start, i);
        if (!StopWords.ENGLISH.contains(token)) {
          out.add(token);
        }
      }
    }
    return out;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String stripAccents(String text) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      plain = text.charAt(i) < 128;
    }
    if (plain) {
      return text;
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
  }

  private static Map<String, Integer> termCounts(List<String> terms) {
    Map<String, Integer> tf = new HashMap<>();
    for (String t : terms) {
      tf.merge(t, 1, Integer::sum);
    }
    return tf;
  }
}
