package dev.paperboy.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reader's likes say about one period's candidates: a linear SVM over TF-IDF joined with
 * the embedding (likes positive; the background papers the reader passed over and the other
 * candidates negative; balanced classes), plus how often a candidate's authors and organisation
 * occur among the likes. Built per request.
 */
final class LikeModel {

  private final List<Item> liked;
  private final List<Item> candidates;
  private final List<SparseVector> likedFeatures = new ArrayList<>();
  private final List<SparseVector> candidateFeatures = new ArrayList<>();
  private final double[] scores;

  LikeModel(
      List<Item> liked, List<Item> background, List<Item> candidates, ForYou.Learning learning) {
    this.liked = liked;
    this.candidates = candidates;
    Set<String> likedIds = new HashSet<>();
    List<List<String>> documents = new ArrayList<>();
    for (Item l : liked) {
      likedIds.add(l.id());
      documents.add(TfIdf.terms(document(l), learning.terms()));
    }
    List<Item> negatives = new ArrayList<>();
    for (Item b : background) {
      if (!likedIds.contains(b.id())) {
        negatives.add(b);
        documents.add(TfIdf.terms(document(b), learning.terms()));
      }
    }
    for (Item c : candidates) {
      documents.add(TfIdf.terms(document(c), learning.terms()));
    }
    int first = liked.size() + negatives.size();
    TfIdf tfidf = TfIdf.fit(documents, learning.terms());
    List<SparseVector> rows = new ArrayList<>();
    boolean[] positive = new boolean[documents.size()];
    int n = 0;
    for (int i = 0; i < documents.size(); i++) {
      Item item =
          i < liked.size()
              ? liked.get(i)
              : i < first ? negatives.get(i - liked.size()) : candidates.get(i - first);
      SparseVector x =
          tfidf.vector(documents.get(i)).concat(item.vector(), tfidf.size(), learning.embedding());
      if (i < liked.size()) {
        likedFeatures.add(x);
      } else if (i >= first) {
        candidateFeatures.add(x);
      }
      if (i < liked.size() || !likedIds.contains(item.id())) {
        positive[n++] = i < liked.size();
        rows.add(x);
      }
    }
    LinearSvm svm =
        LinearSvm.train(rows, java.util.Arrays.copyOf(positive, n), learning.c(), true, 1e-3, 100);
    Map<String, Double> authorShare = share(liked, true);
    Map<String, Double> organizationShare = share(liked, false);
    scores = new double[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      Item c = candidates.get(i);
      double author = 0;
      for (String a : c.authorKeys()) {
        author = Math.max(author, authorShare.getOrDefault(a, 0.0));
      }
      double organization =
          c.organization() == null ? 0 : organizationShare.getOrDefault(c.organization(), 0.0);
      scores[i] =
          svm.decision(candidateFeatures.get(i))
              + learning.likedAuthors() * author
              + learning.likedOrganizations() * organization;
    }
  }

  /** Title, abstract and author names: what arxiv-sanity-lite's TF-IDF reads. */
  static String document(Item item) {
    return item.title() + " " + item.abstractText() + " " + String.join(" ", item.authors());
  }

  /** The share of liked papers by each author key (or organisation). */
  private static Map<String, Double> share(List<Item> liked, boolean authors) {
    Map<String, Double> share = new HashMap<>();
    for (Item l : liked) {
      List<String> keys =
          authors
              ? l.authorKeys()
              : l.organization() == null ? List.of() : List.of(l.organization());
      for (String k : new HashSet<>(keys)) {
        share.merge(k, 1.0 / liked.size(), Double::sum);
      }
    }
    return share;
  }

  double score(int candidate) {
    return scores[candidate];
  }

  /** The liked paper closest to the candidate in the model's feature space, or null. */
  Item nearestLiked(int candidate) {
    SparseVector x = candidateFeatures.get(candidate);
    Item nearest = null;
    double best = 0;
    for (int i = 0; i < liked.size(); i++) {
      if (liked.get(i).id().equals(candidates.get(candidate).id())) {
        continue;
      }
      double sim = x.dot(likedFeatures.get(i));
      if (sim > best) {
        best = sim;
        nearest = liked.get(i);
      }
    }
    return nearest;
  }
}
