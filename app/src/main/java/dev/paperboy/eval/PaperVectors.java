package dev.paperboy.eval;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.EmbeddingBacklog;
import dev.paperboy.search.OnnxEmbedders;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paper embeddings by the search package's model, of the text the embedding backlog embeds (title.
 * abstract), kept in a file of the work directory so that a rerun embeds nothing.
 */
final class PaperVectors {

  private PaperVectors() {}

  static Map<String, float[]> of(List<Paper> papers, String model, Path workDir, PrintStream log)
      throws IOException {
    Files.createDirectories(workDir);
    Path file = workDir.resolve("vectors-" + model + ".bin");
    Map<String, float[]> vectors = read(file);
    List<Paper> missing = new ArrayList<>();
    for (Paper p : papers) {
      if (!vectors.containsKey(p.id())) {
        missing.add(p);
      }
    }
    if (missing.isEmpty()) {
      return vectors;
    }
    log.printf(Locale.ROOT, "for-you: embedding %,d papers with %s%n", missing.size(), model);
    long started = System.nanoTime();
    try (Embedder embedder = OnnxEmbedders.load(model);
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(
                    Files.newOutputStream(
                        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
      for (int i = 0; i < missing.size(); i++) {
        Paper p = missing.get(i);
        float[] v = embedder.embedPassage(EmbeddingBacklog.passage(p));
        vectors.put(p.id(), v);
        out.writeUTF(p.id());
        out.writeInt(v.length);
        for (float x : v) {
          out.writeFloat(x);
        }
        if ((i + 1) % 500 == 0) {
          out.flush();
          log.printf(
              Locale.ROOT,
              "for-you: %,d / %,d embedded (%.0f s)%n",
              i + 1,
              missing.size(),
              (System.nanoTime() - started) / 1e9);
        }
      }
    }
    return vectors;
  }

  private static Map<String, float[]> read(Path file) throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    if (!Files.exists(file)) {
      return vectors;
    }
    long whole = 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String id;
        try {
          id = in.readUTF();
        } catch (EOFException end) {
          return vectors;
        }
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readFloat();
        }
        vectors.put(id, v);
        whole +=
            2 + id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 4L * v.length;
      }
    } catch (EOFException truncated) {
      // an interrupted run: keep the whole records, cut the partial one so appends stay readable
      try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(whole);
      }
      return vectors;
    }
  }
}
