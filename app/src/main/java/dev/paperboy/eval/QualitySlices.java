package dev.paperboy.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.paper.PaperVectors;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.storage.Database;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts small fixed slices of the suite's query sets for the quality gate in the test suite: a few
 * dev queries each, with a corpus of their answers and the papers that compete with them (what each
 * mode ranks highest), and the corpus's vectors, so the gate needs no embedding but the queries'.
 */
public final class QualitySlices {

  static final int QUERIES = 40;
  static final int COMPETITORS = 10;

  private QualitySlices() {}

  /**
   * A vector in a quarter of its size: its largest magnitude as a float, then each component as a
   * byte of it (the gate compares a slice with its own recorded scores, so the rounding is fixed).
   */
  static void writeQuantised(DataOutputStream out, float[] v) throws IOException {
    float max = 1e-12f;
    for (float f : v) {
      max = Math.max(max, Math.abs(f));
    }
    out.writeFloat(max);
    for (float f : v) {
      out.writeByte(Math.round(f / max * 127));
    }
  }

  /** The vector {@link #writeQuantised} wrote, at unit length again. */
  public static float[] readQuantised(java.io.DataInputStream in, int dimension)
      throws IOException {
    float max = in.readFloat();
    float[] v = new float[dimension];
    double norm = 0;
    for (int i = 0; i < dimension; i++) {
      v[i] = in.readByte() / 127f * max;
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-24)));
    for (int i = 0; i < dimension; i++) {
      v[i] *= scale;
    }
    return v;
  }

  /** Writes one slice per query set under {@code out} ({@code <set>/corpus.jsonl} and so on). */
  public static void export(
      Path devSets, Path scifact, String model, Path workDir, Path out, PrintStream progress)
      throws IOException {
    for (Evaluation.QuerySet set : Evaluation.SUITE) {
      Path dir = set.collection().equals("scifact") ? scifact : devSets.resolve(set.collection());
      BeirCollection beir = BeirCollection.read(dir, set.split());
      List<String> queries =
          beir.queries().keySet().stream().filter(q -> !DevSets.heldOut(q)).limit(QUERIES).toList();
      Set<String> docs = new LinkedHashSet<>();
      Path collectionDir = workDir.resolve(set.collection());
      Evaluation.open(
          dir,
          beir,
          model,
          collectionDir,
          dev.paperboy.SearchSettings.EMBEDDED,
          progress,
          search -> {
            for (String q : queries) {
              beir.qrels().get(q).keySet().forEach(docs::add);
              for (SearchMode mode : SearchMode.values()) {
                SearchResults r =
                    search
                        .service()
                        .search(
                            SearchRequest.of(Evaluation.clip(beir.queries().get(q)), COMPETITORS),
                            mode,
                            false);
                r.hits().forEach(h -> docs.add(h.id()));
              }
            }
            return null;
          });
      Map<String, float[]> vectors;
      try (Database db = Database.open(collectionDir.resolve("eval.db"))) {
        vectors = new PaperVectors(db).find(model, docs);
      }
      Path slice = out.resolve(set.split());
      Files.createDirectories(slice);
      ObjectMapper json = new ObjectMapper();
      List<String> kept = new ArrayList<>();
      try (BufferedWriter w =
              new BufferedWriter(
                  new java.io.OutputStreamWriter(
                      new GZIPOutputStream(Files.newOutputStream(slice.resolve("corpus.jsonl.gz"))),
                      StandardCharsets.UTF_8));
          DataOutputStream v =
              new DataOutputStream(
                  new GZIPOutputStream(Files.newOutputStream(slice.resolve("vectors.i8.gz"))))) {
        for (BeirCollection.Doc d : beir.corpus()) {
          float[] vector = vectors.get(d.id());
          if (!docs.contains(d.id()) || vector == null) {
            continue;
          }
          ObjectNode o = json.createObjectNode();
          o.put("_id", d.id());
          o.put("title", d.title());
          o.put("text", d.text());
          o.putPOJO("authors", d.authors());
          w.write(json.writeValueAsString(o));
          w.newLine();
          writeQuantised(v, vector);
          kept.add(d.id());
        }
      }
      Map<String, String> chosen = new LinkedHashMap<>();
      queries.forEach(q -> chosen.put(q, beir.queries().get(q)));
      try (BufferedWriter w =
          Files.newBufferedWriter(slice.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
        for (var q : chosen.entrySet()) {
          w.write(json.writeValueAsString(Map.of("_id", q.getKey(), "text", q.getValue())));
          w.newLine();
        }
      }
      Files.createDirectories(slice.resolve("qrels"));
      try (OutputStream o = Files.newOutputStream(slice.resolve("qrels").resolve("slice.tsv"))) {
        StringBuilder s = new StringBuilder("query-id\tcorpus-id\tscore\n");
        for (String q : queries) {
          for (var d : beir.qrels().get(q).entrySet()) {
            if (kept.contains(d.getKey())) {
              s.append(q)
                  .append('\t')
                  .append(d.getKey())
                  .append('\t')
                  .append(d.getValue())
                  .append('\n');
            }
          }
        }
        o.write(s.toString().getBytes(StandardCharsets.UTF_8));
      }
      progress.printf(
          java.util.Locale.ROOT,
          "slices: %s: %d queries, %d papers%n",
          set.split(),
          queries.size(),
          kept.size());
    }
  }
}
