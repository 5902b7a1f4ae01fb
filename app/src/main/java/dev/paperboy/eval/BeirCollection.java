package dev.paperboy.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval benchmark in BEIR layout: {@code corpus.jsonl} ({_id, title, text}), {@code
 * queries.jsonl} ({_id, text}) and {@code qrels/<split>.tsv} (query-id, corpus-id, score).
 */
record BeirCollection(
    List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

  /** A document; {@code authors} is ours, not BEIR's (empty when the file has none). */
  record Doc(String id, String title, String text, List<String> authors) {}

  static BeirCollection read(Path dir, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> corpus = new ArrayList<>();
    forEachLine(
        dir.resolve("corpus.jsonl"),
        (line, n) -> {
          JsonNode d = json.readTree(line);
          List<String> authors = new ArrayList<>();
          d.path("authors").forEach(a -> authors.add(a.asText()));
          corpus.add(
              new Doc(
                  d.path("_id").asText(),
                  d.path("title").asText(""),
                  d.path("text").asText(""),
                  List.copyOf(authors)));
        });
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    Path qrelFile = dir.resolve("qrels").resolve(split + ".tsv");
    forEachLine(
        qrelFile,
        (line, n) -> {
          String[] f = line.split("\t");
          if (n == 1 && f[0].equals("query-id")) {
            return;
          }
          if (f.length < 3) {
            throw new IOException(qrelFile + ":" + n + ": expected query-id, corpus-id, score");
          }
          qrels
              .computeIfAbsent(f[0], q -> new HashMap<>())
              .put(f[1], Integer.parseInt(f[2].strip()));
        });
    Map<String, String> queries = new LinkedHashMap<>();
    forEachLine(
        dir.resolve("queries.jsonl"),
        (line, n) -> {
          JsonNode q = json.readTree(line);
          String id = q.path("_id").asText();
          if (qrels.containsKey(id)) {
            queries.put(id, q.path("text").asText());
          }
        });
    return new BeirCollection(corpus, queries, qrels);
  }

  interface LineHandler {
    void line(String line, int number) throws IOException;
  }

  private static void forEachLine(Path file, LineHandler handler) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          handler.line(line, n);
        }
      }
    }
  }
}
