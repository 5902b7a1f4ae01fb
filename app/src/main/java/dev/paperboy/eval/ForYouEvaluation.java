package dev.paperboy.eval;

import dev.paperboy.paper.Paper;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.recommend.Item;
import dev.paperboy.recommend.LinearSvm;
import dev.paperboy.recommend.Profile;
import dev.paperboy.recommend.Ranked;
import dev.paperboy.recommend.SparseVector;
import dev.paperboy.recommend.TfIdf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Scores "For you" against trending, plain nearest neighbours and arxiv-sanity-lite's SVM on the
 * {@link ForYouProtocol}: precision@10 and nDCG@10, dev and held-out readers, and how long one
 * ranking takes.
 */
public final class ForYouEvaluation {

  static final int K = 10;

  /** One method's means over a set of cases. */
  public record Row(String method, String split, int readers, double precision, double ndcg) {}

  /** A way to rank one case's candidates: the ids of its top {@value #K}. */
  interface Method extends Function<ForYouProtocol.Case, List<String>> {}

  private final Map<List<Item>, ArxivSanity> arxivSanity = new IdentityHashMap<>();
  private final List<Long> ourNanos = new ArrayList<>();

  /** The whole protocol: the table, dev then held-out, and the timing of ours. */
  public static String run(
      Path data,
      String model,
      Path workDir,
      YearMonth from,
      YearMonth to,
      boolean tune,
      PrintStream log)
      throws IOException {
    List<Paper> papers =
        ForYouProtocol.papers(data.resolve("hf-daily-papers")).stream()
            .filter(p -> !YearMonth.from(p.dailyDate()).isBefore(from))
            .filter(p -> to == null || !YearMonth.from(p.dailyDate()).isAfter(to))
            .toList();
    Map<String, float[]> vectors = PaperVectors.of(papers, model, workDir, log);
    List<ForYouProtocol.Case> cases = ForYouProtocol.cases(papers, vectors, from);
    long dev = cases.stream().filter(ForYouProtocol.Case::dev).count();
    log.printf(
        Locale.ROOT,
        "for-you: %,d papers from %s to %s, %,d reader-months (%,d dev, %,d held-out)%n",
        papers.size(),
        from,
        to == null ? "the last month" : to,
        cases.size(),
        dev,
        cases.size() - dev);
    ForYouEvaluation eval = new ForYouEvaluation();
    StringBuilder out = new StringBuilder();
    if (tune) {
      out.append(eval.tune(cases, log));
    }
    Map<String, Method> methods = eval.methods(new ForYou());
    List<Row> rows = new ArrayList<>();
    for (boolean devSplit : new boolean[] {true, false}) {
      List<ForYouProtocol.Case> split = cases.stream().filter(c -> c.dev() == devSplit).toList();
      for (var m : methods.entrySet()) {
        rows.add(score(m.getKey(), devSplit ? "dev" : "held-out", split, m.getValue()));
      }
    }
    for (String kind : List.of("keyword", "organisation")) {
      List<ForYouProtocol.Case> split =
          cases.stream().filter(c -> !c.dev() && c.kind().equals(kind)).toList();
      for (var m : methods.entrySet()) {
        rows.add(score(m.getKey(), "held-out " + kind, split, m.getValue()));
      }
    }
    out.append(table(rows));
    out.append(eval.timing(cases));
    return out.toString();
  }

  Map<String, Method> methods(ForYou ours) {
    Map<String, Method> methods = new LinkedHashMap<>();
    methods.put("trending (upvotes)", c -> top(c.candidates(), i -> i.upvotes()));
    methods.put("nearest: centroid of embeddings", ForYouEvaluation::centroid);
    methods.put("nearest: max-sim of embeddings", ForYouEvaluation::maxSim);
    methods.put("arxiv-sanity-lite SVM (TF-IDF, C=0.01)", this::arxivSanity);
    methods.put("ours (For you)", c -> ours(ours, c));
    return methods;
  }

  static Row score(String method, String split, List<ForYouProtocol.Case> cases, Method m) {
    double precision = 0;
    double ndcg = 0;
    for (ForYouProtocol.Case c : cases) {
      List<String> ranked = m.apply(c);
      Map<String, Integer> relevant = new HashMap<>();
      c.relevant().forEach(id -> relevant.put(id, 1));
      precision += ranked.stream().limit(K).filter(c.relevant()::contains).count() / (double) K;
      ndcg += Metrics.ndcg(ranked, relevant, K);
    }
    int n = Math.max(1, cases.size());
    return new Row(method, split, cases.size(), precision / n, ndcg / n);
  }

  private static List<String> top(List<Item> candidates, ToDoubleFunction<Item> score) {
    return candidates.stream()
        .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Item::id))
        .limit(K)
        .map(Item::id)
        .toList();
  }

  private static List<String> centroid(ForYouProtocol.Case c) {
    float[] sum = null;
    for (Item l : c.liked()) {
      if (sum == null) {
        sum = new float[l.vector().length];
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] += l.vector()[i];
      }
    }
    float[] centre = sum;
    return top(c.candidates(), i -> ForYou.cosine(centre, i.vector()));
  }

  private static List<String> maxSim(ForYouProtocol.Case c) {
    return top(
        c.candidates(),
        i ->
            c.liked().stream()
                .mapToDouble(l -> ForYou.cosine(l.vector(), i.vector()))
                .max()
                .orElse(0));
  }

  /**
   * arxiv-sanity-lite as its compute.py and serve.py do it: one TF-IDF over every paper it holds
   * (here months M and M+1), an SVM with the reader's liked papers positive and every other paper
   * negative, ranking by the decision value.
   */
  private List<String> arxivSanity(ForYouProtocol.Case c) {
    ArxivSanity a = arxivSanity.computeIfAbsent(c.candidates(), k -> new ArxivSanity(c));
    Set<String> liked = new java.util.HashSet<>(c.liked().stream().map(Item::id).toList());
    boolean[] positive = new boolean[a.rows.size()];
    for (int i = 0; i < c.past().size(); i++) {
      positive[i] = liked.contains(c.past().get(i).id());
    }
    LinearSvm svm = LinearSvm.train(a.rows, positive, 0.01, true, 1e-4, 1000);
    int offset = c.past().size();
    Map<Item, Double> scores = new IdentityHashMap<>();
    for (int i = 0; i < c.candidates().size(); i++) {
      scores.put(c.candidates().get(i), svm.decision(a.rows.get(offset + i)));
    }
    return top(c.candidates(), scores::get);
  }

  /** The TF-IDF rows of one month pair: month M's papers, then M+1's. */
  private static final class ArxivSanity {
    final List<SparseVector> rows = new ArrayList<>();

    ArxivSanity(ForYouProtocol.Case c) {
      List<List<String>> docs = new ArrayList<>();
      for (List<Item> part : List.of(c.past(), c.candidates())) {
        for (Item i : part) {
          String text = i.title() + " " + i.abstractText() + " " + String.join(" ", i.authors());
          docs.add(TfIdf.terms(text, TfIdf.Options.ARXIV_SANITY));
        }
      }
      TfIdf tfidf = TfIdf.fit(docs, TfIdf.Options.ARXIV_SANITY);
      docs.forEach(d -> rows.add(tfidf.vector(d)));
    }
  }

  private List<String> ours(ForYou ours, ForYouProtocol.Case c) {
    List<Item> newestFirst = new ArrayList<>(c.liked());
    java.util.Collections.reverse(newestFirst);
    // what the reader passed over in month M: the rest of that month, as the live feed gives it
    Set<String> liked = new java.util.HashSet<>(c.liked().stream().map(Item::id).toList());
    List<Item> passedOver = c.past().stream().filter(i -> !liked.contains(i.id())).toList();
    Profile profile =
        new Profile(
            newestFirst, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of(), passedOver);
    long started = System.nanoTime();
    List<Ranked> ranked = ours.rank(profile, c.candidates(), K);
    ourNanos.add(System.nanoTime() - started);
    return ranked.stream().map(r -> r.item().id()).toList();
  }

  /** Dev nDCG@10 and P@10 of each variant of ours, one setting changed at a time. */
  private String tune(List<ForYouProtocol.Case> cases, PrintStream log) {
    List<ForYouProtocol.Case> dev = cases.stream().filter(ForYouProtocol.Case::dev).toList();
    ForYou.Weights w = ForYou.Weights.DEFAULT;
    ForYou.Learning l = ForYou.Learning.DEFAULT;
    Map<String, ForYou> variants = new LinkedHashMap<>();
    variants.put("default", new ForYou(w, l));
    for (double c : new double[] {0.01, 0.03, 0.3, 1}) {
      variants.put("C=" + c, new ForYou(w, vary(l, c, l.embedding(), l.likedAuthors())));
    }
    for (double e : new double[] {0, 1, 2}) {
      variants.put("embedding=" + e, new ForYou(w, vary(l, l.c(), e, l.likedAuthors())));
    }
    for (double a : new double[] {0.25, 0.5}) {
      variants.put("likedAuthors=" + a, new ForYou(w, vary(l, l.c(), l.embedding(), a)));
    }
    for (double o : new double[] {0, 0.25, 1}) {
      ForYou.Learning v =
          new ForYou.Learning(
              l.c(),
              l.embedding(),
              l.likedAuthors(),
              o,
              l.maxLikes(),
              l.maxBackground(),
              l.terms());
      variants.put("likedOrganizations=" + o, new ForYou(w, v));
    }
    for (double p : new double[] {0.05, 0.1}) {
      variants.put(
          "popularity=" + p,
          new ForYou(
              new ForYou.Weights(
                  w.like(), w.author(), w.organization(), w.category(), w.topic(), p),
              l));
    }
    variants.put(
        "terms min_df 5, max_df 0.1", new ForYou(w, withTerms(l, TfIdf.Options.ARXIV_SANITY)));
    variants.put(
        "terms unigrams", new ForYou(w, withTerms(l, new TfIdf.Options(2, 0.5, 20_000, false))));
    variants.put(
        "no background",
        new ForYou(
            w,
            new ForYou.Learning(
                l.c(),
                l.embedding(),
                l.likedAuthors(),
                l.likedOrganizations(),
                l.maxLikes(),
                0,
                l.terms())));
    List<Row> rows = new ArrayList<>();
    for (var v : variants.entrySet()) {
      Row r = score(v.getKey(), "dev", dev, c -> ours(v.getValue(), c));
      log.printf(
          Locale.ROOT,
          "for-you: tune %-30s nDCG@10 %.4f P@10 %.4f%n",
          v.getKey(),
          r.ndcg(),
          r.precision());
      rows.add(r);
    }
    ourNanos.clear();
    return "Tuning ours on dev readers (one setting changed from the default at a time):\n"
        + table(rows)
        + "\n";
  }

  /** The default with C, embedding weight and liked-author weight changed. */
  private static ForYou.Learning vary(
      ForYou.Learning l, double c, double embedding, double authors) {
    return new ForYou.Learning(
        c, embedding, authors, l.likedOrganizations(), l.maxLikes(), l.maxBackground(), l.terms());
  }

  private static ForYou.Learning withTerms(ForYou.Learning l, TfIdf.Options terms) {
    return new ForYou.Learning(
        l.c(),
        l.embedding(),
        l.likedAuthors(),
        l.likedOrganizations(),
        l.maxLikes(),
        l.maxBackground(),
        terms);
  }

  /** Per-call time of ours over the run, and one large call: a season's papers, 300 likes. */
  private String timing(List<ForYouProtocol.Case> cases) {
    long[] sorted = ourNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    List<Item> many = new ArrayList<>();
    Set<List<Item>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Item> likes = new ArrayList<>();
    for (ForYouProtocol.Case c : cases.reversed()) {
      if (many.size() < 3000 && seen.add(c.candidates())) {
        many.addAll(c.candidates());
      }
      if (likes.size() < 300) {
        likes.addAll(c.liked());
      }
    }
    List<Item> large = many.subList(0, Math.min(3000, many.size()));
    List<Item> liked = likes.subList(0, Math.min(300, likes.size()));
    Profile profile =
        new Profile(liked, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());
    ForYou ours = new ForYou();
    ours.rank(profile, large, 50);
    long started = System.nanoTime();
    ours.rank(profile, large, 50);
    double largeMs = (System.nanoTime() - started) / 1e6;
    return String.format(
        Locale.ROOT,
        "ours: median %.0f ms, p95 %.0f ms, max %.0f ms per ranking; %,d candidates with %d likes:"
            + " %.0f ms%n",
        percentile(sorted, 0.5),
        percentile(sorted, 0.95),
        percentile(sorted, 1.0),
        large.size(),
        liked.size(),
        largeMs);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  static String table(List<Row> rows) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "| %-40s | %-22s | %7s | %6s | %7s |%n",
            "method",
            "readers",
            "n",
            "P@10",
            "nDCG@10"));
    s.append("|")
        .append("-".repeat(42))
        .append("|")
        .append("-".repeat(24))
        .append("|---------|--------|---------|\n");
    for (Row r : rows) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %-40s | %-22s | %7d | %6.4f | %7.4f |%n",
              r.method(),
              r.split(),
              r.readers(),
              r.precision(),
              r.ndcg()));
    }
    return s.toString();
  }
}
