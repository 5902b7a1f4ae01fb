package dev.paperboy.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.SearchSettings;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.storage.Database;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality gate, as Anserini keeps its regressions: small fixed slices of every dev query set
 * (keyphrases, author names, CS titles, SciFact claims; cut by {@code paperboy eval
 * --export-slices}) with their corpus vectors as data, searched through the real pipeline and the
 * real model (for the queries), and their scores recorded in {@code quality/expected.tsv}. A change
 * that lowers a score fails the build; one that raises it records the new scores with {@code
 * -Dpaperboy.quality.record=true}. Nonsense strings must find nothing.
 */
class QualityGateTest {

  private static final String MODEL = "bge-small-en-v1.5-q";

  /** Scores may move this much between machines (floating point in the model and the index). */
  private static final double TOLERANCE = 0.01;

  private static final List<String> SLICES =
      List.of("keyphrase", "topics", "authors", "titles", "train");

  @TempDir Path work;

  @Test
  void noQuerySetScoresBelowItsRecordedScore() throws IOException {
    Map<String, Double> measured = new TreeMap<>();
    for (String slice : SLICES) {
      Path dir = copy("quality/" + slice);
      BeirCollection beir = BeirCollection.read(dir, "slice");
      assertFalse(beir.queries().isEmpty(), slice + " has queries");
      preload(beir, dir, work.resolve("db-" + slice));
      List<Evaluation.Row> rows =
          Evaluation.open(
              dir,
              beir,
              MODEL,
              work.resolve("db-" + slice),
              SearchSettings.EMBEDDED,
              System.err,
              search -> Evaluation.scoreModes(search, beir, q -> true));
      assertTrue(rows.size() == SearchMode.values().length, "every mode ran on " + slice);
      for (Evaluation.Row r : rows) {
        String mode = r.mode().name().toLowerCase(Locale.ROOT);
        measured.put(slice + "\t" + mode + "\tMRR@10", r.mrr10());
        measured.put(slice + "\t" + mode + "\tnDCG@10", r.ndcg10());
      }
    }
    Path expectedFile = Path.of("src/test/resources/quality/expected.tsv");
    boolean record = Boolean.getBoolean("paperboy.quality.record");
    if (record) {
      StringBuilder s =
          new StringBuilder(
              "# slice\tmode\tmetric\tscore: recorded by QualityGateTest"
                  + " -Dpaperboy.quality.record=true\n");
      measured.forEach(
          (k, v) ->
              s.append(k).append('\t').append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
      Files.writeString(expectedFile, s.toString());
    }
    Map<String, Double> expected = record ? measured : expected();
    assertFalse(expected.isEmpty(), "recorded scores exist");
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      Double now = measured.get(e.getKey());
      if (now == null || now < e.getValue() - TOLERANCE) {
        dropped.add(
            String.format(
                Locale.ROOT,
                "%s: %.4f, recorded %.4f",
                e.getKey().replace('\t', ' '),
                now,
                e.getValue()));
      }
    }
    System.err.println("quality gate:");
    measured.forEach(
        (k, v) -> System.err.printf(Locale.ROOT, "  %-32s %.4f%n", k.replace('\t', ' '), v));
    assertTrue(dropped.isEmpty(), "scores dropped below their record: " + dropped);
    // hybrid never does worse than the better single mode by more than noise
    for (String slice : SLICES) {
      String metric = slice.equals("keyphrase") ? "MRR@10" : "nDCG@10";
      double hybrid = measured.get(slice + "\thybrid\t" + metric);
      double best =
          Math.max(
              measured.get(slice + "\tkeyword\t" + metric),
              measured.get(slice + "\tsemantic\t" + metric));
      assertTrue(
          hybrid >= best - 0.02,
          String.format(
              Locale.ROOT, "%s: hybrid %.4f against the better mode's %.4f", slice, hybrid, best));
    }
  }

  @Test
  void nonsenseFindsNothingWhileRealQueriesStillFindTheirPaper() throws IOException {
    Path dir = copy("quality/keyphrase");
    BeirCollection beir = BeirCollection.read(dir, "slice");
    preload(beir, dir, work.resolve("db"));
    Evaluation.open(
        dir,
        beir,
        MODEL,
        work.resolve("db"),
        SearchSettings.EMBEDDED,
        System.err,
        search -> {
          List<String> found = new ArrayList<>();
          for (String q : Evaluation.nonsense()) {
            var hits = search.service().search(SearchRequest.of(q, 10)).hits();
            if (!hits.isEmpty()) {
              found.add(q + " → " + hits.get(0).id());
            }
          }
          assertTrue(found.isEmpty(), "nonsense found papers: " + found);
          return null;
        });
  }

  /** The slice's papers and their recorded vectors, stored before the pipeline opens them. */
  private static void preload(BeirCollection beir, Path dir, Path db) throws IOException {
    Files.createDirectories(db);
    List<float[]> vectors = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(
            new GZIPInputStream(Files.newInputStream(dir.resolve("vectors.i8.gz"))))) {
      for (int i = 0; i < beir.corpus().size(); i++) {
        vectors.add(QualitySlices.readQuantised(in, 384));
      }
    }
    try (Database d = Database.open(db.resolve("eval.db"))) {
      List<Paper> papers = new ArrayList<>();
      Map<String, float[]> byId = new LinkedHashMap<>();
      for (int i = 0; i < beir.corpus().size(); i++) {
        papers.add(Evaluation.asPaper(beir.corpus().get(i)));
        byId.put(beir.corpus().get(i).id(), vectors.get(i));
      }
      new PaperStore(d).upsert(papers);
      new PaperVectors(d).save(MODEL, byId);
    }
  }

  private Path copy(String resource) throws IOException {
    Path out = work.resolve(resource.replace('/', '-'));
    Files.createDirectories(out.resolve("qrels"));
    for (String f :
        List.of("corpus.jsonl.gz", "queries.jsonl", "vectors.i8.gz", "qrels/slice.tsv")) {
      try (InputStream in = getClass().getResourceAsStream("/" + resource + "/" + f)) {
        if (in == null) {
          throw new IOException("missing test resource " + resource + "/" + f);
        }
        if (f.equals("corpus.jsonl.gz")) {
          try (InputStream plain = new GZIPInputStream(in)) {
            Files.copy(plain, out.resolve("corpus.jsonl"));
          }
        } else {
          Files.copy(in, out.resolve(f));
        }
      }
    }
    return out;
  }

  private Map<String, Double> expected() throws IOException {
    Map<String, Double> out = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("/quality/expected.tsv")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0] + "\t" + f[1] + "\t" + f[2], Double.parseDouble(f[3]));
      }
    }
    return out;
  }
}
