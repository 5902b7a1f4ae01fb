package dev.paperboy.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the development collections, one per kind of query people type, from the recorded data
 * beside the project (BEIR layout, so {@link Evaluation} reads them like SciFact):
 *
 * <ul>
 *   <li>{@value #ML}: the Hugging Face daily papers (title, abstract, authors), with two query
 *       sets: {@code keyphrase} (two to five words a reader remembers of one paper: its keywords, a
 *       phrase of its title or abstract; that paper is the answer) and {@code authors} (a person's
 *       name as people type it: in full, "K. He", without accents; all their papers are answers)
 *       and {@code topics} (a keyword Hugging Face gave several papers, "sparse autoencoders";
 *       every paper tagged with it is an answer).
 *   <li>{@value #CS}: old computer-science papers from the arXiv archive, with {@code titles}: a
 *       paper's title as a topical query against its abstract (its title is not indexed).
 * </ul>
 *
 * Everything is drawn with fixed seeds, so a rebuild gives the same sets. Each query falls in the
 * dev or the held-out part by its id ({@link #heldOut}): tune on dev, confirm on held-out.
 */
public final class DevSets {

  public static final String ML = "ml-papers";
  public static final String CS = "cs-archive";

  static final int KEYPHRASE_QUERIES = 1000;
  static final int AUTHOR_QUERIES = 400;
  static final int TOPIC_QUERIES = 400;

  /** A topic is a keyword Hugging Face gave at least this many papers. */
  private static final int MIN_TOPIC_PAPERS = 3;

  static final int CS_DOCS = 5_000;
  static final int CS_QUERIES = 500;

  /** A phrase found in more papers than this does not point to one paper. */
  private static final int MAX_PHRASE_PAPERS = 30;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)");
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
          "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
          "without", "which", "can", "using", "based", "towards", "toward", "how", "what", "when",
          "do", "does", "not", "than", "through", "these", "both", "also", "while");

  private DevSets() {}

  /** One query falls in the held-out part when its id says so: a fifth of every set. */
  static boolean heldOut(String queryId) {
    return Math.floorMod(queryId.hashCode() * 31 + 7, 5) == 0;
  }

  /**
   * Writes {@value #ML} and {@value #CS} under {@code out} from {@code data} (the shared {@code
   * data} folder: {@code hf-daily-papers/} and {@code arxiv-archive-1993-2019/}).
   */
  public static void build(Path data, Path out, PrintStream progress) throws IOException {
    Path scratch = Files.createTempDirectory("paperboy-devsets");
    try {
      List<Paper> hf = importAll(data.resolve("hf-daily-papers"), scratch.resolve("hf"), progress);
      writeMl(hf, out.resolve(ML), progress);
      List<Paper> archive;
      try (Stream<Path> files = Files.list(data.resolve("arxiv-archive-1993-2019"))) {
        List<Path> cs =
            files
                .filter(f -> f.getFileName().toString().matches("cs\\..*\\.tsv\\.xz"))
                .sorted()
                .toList();
        archive = importAll(cs, scratch.resolve("cs"), progress);
      }
      writeCs(archive, out.resolve(CS), progress);
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<Paper> importAll(Path from, Path db, PrintStream progress) {
    return importAll(List.of(from), db, progress);
  }

  /** The papers as Paperboy's own importer reads them (malformed files are reported and left). */
  private static List<Paper> importAll(List<Path> from, Path dir, PrintStream progress) {
    try (Database db = Database.open(dir.resolve("import.db"))) {
      PaperStore store = new PaperStore(db);
      new ImportJob(store, progress).run(from);
      List<Paper> out = new ArrayList<>();
      store.forEach(2000, out::addAll);
      return out.stream().filter(p -> !p.withdrawn() && !p.abstractText().isBlank()).toList();
    }
  }

  private static void writeMl(List<Paper> papers, Path dir, PrintStream progress)
      throws IOException {
    Files.createDirectories(dir.resolve("qrels"));
    writeCorpus(papers, dir, Set.of());
    Words words = new Words(papers);
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> keyphrase = new LinkedHashMap<>();
    List<Paper> shuffled = shuffled(papers, 15);
    for (Paper p : shuffled) {
      if (keyphrase.size() == KEYPHRASE_QUERIES) {
        break;
      }
      Random r = new Random(p.id().hashCode());
      String q = keyphrase(p, r, words);
      if (q != null) {
        String id = "kp-" + p.id();
        queries.put(id, q);
        keyphrase.put(id, Map.of(p.id(), 1));
      }
    }
    Map<String, Map<String, Integer>> authors = authorQueries(papers, queries);
    Map<String, Map<String, Integer>> topics = topicQueries(papers, queries);
    writeQueries(queries, dir);
    writeQrels(topics, dir.resolve("qrels").resolve("topics.tsv"));
    writeQrels(keyphrase, dir.resolve("qrels").resolve("keyphrase.tsv"));
    writeQrels(authors, dir.resolve("qrels").resolve("authors.tsv"));
    progress.printf(
        Locale.ROOT,
        "devsets: %s: %,d papers, %,d keyphrase, %,d author and %,d topic queries%n",
        ML,
        papers.size(),
        keyphrase.size(),
        authors.size(),
        topics.size());
  }

  /**
   * Two to five words a reader might remember of the paper: some of its keywords (when Hugging Face
   * listed any), or a phrase of its title; null when nothing distinctive is found. (Phrases cut
   * from abstracts read like no query anyone types: "two key components First".)
   */
  static String keyphrase(Paper p, Random r, Words words) {
    int kind = r.nextInt(10);
    List<String> keywords = new ArrayList<>();
    for (String k : p.aiKeywords()) {
      String clean = PARENTHESES.matcher(k).replaceAll("").strip();
      if (!clean.isEmpty() && !clean.equalsIgnoreCase(p.title())) {
        keywords.add(clean);
      }
    }
    if (kind < 5 && keywords.size() >= 2) {
      java.util.Collections.shuffle(keywords, r);
      String q = keywords.get(0);
      for (int i = 1; i < keywords.size() && wordCount(q) < 2; i++) {
        String more = q + " " + keywords.get(i);
        if (wordCount(more) <= 5) {
          q = more;
        }
      }
      if (wordCount(q) >= 2 && wordCount(q) <= 5 && words.papersWithAll(q) <= MAX_PHRASE_PAPERS) {
        return q;
      }
    }
    List<String> tokens = new ArrayList<>();
    for (String t : p.title().split("\\s+")) {
      String w = t.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      if (!w.isEmpty()) {
        tokens.add(w);
      }
    }
    for (int attempt = 0; attempt < 20 && tokens.size() >= 2; attempt++) {
      int len = 2 + r.nextInt(3);
      if (len > tokens.size()) {
        continue;
      }
      int start = r.nextInt(tokens.size() - len + 1);
      List<String> phrase = tokens.subList(start, start + len);
      String first = phrase.get(0).toLowerCase(Locale.ROOT);
      String last = phrase.get(len - 1).toLowerCase(Locale.ROOT);
      String q = String.join(" ", phrase);
      if (STOP.contains(first)
          || STOP.contains(last)
          || q.equalsIgnoreCase(p.title().strip())
          || words.papersWithAll(q) > MAX_PHRASE_PAPERS) {
        continue;
      }
      return q;
    }
    return null;
  }

  /**
   * Authors named on at least one paper, sampled; the query is the name as written, the first
   * initial with the family name, or the name without accents and capitals. Every paper by an
   * author with that name (folded alike) is an answer.
   */
  private static Map<String, Map<String, Integer>> authorQueries(
      List<Paper> papers, Map<String, String> queries) {
    Map<String, List<String>> byFull = new TreeMap<>();
    Map<String, List<String>> byInitials = new HashMap<>();
    Map<String, String> written = new HashMap<>();
    for (Paper p : papers) {
      for (String a : p.authors()) {
        String folded = AuthorKey.fold(a);
        if (folded.split(" ").length < 2) {
          continue;
        }
        add(byFull, folded, p.id());
        written.putIfAbsent(folded, a.strip());
        add(byInitials, initials(folded), p.id());
      }
    }
    List<String> names = new ArrayList<>(byFull.keySet());
    java.util.Collections.shuffle(names, new Random(42));
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    int n = 0;
    for (String folded : names) {
      if (qrels.size() == AUTHOR_QUERIES) {
        break;
      }
      String name = written.get(folded);
      int form = n++ % 5;
      String query;
      List<String> relevant;
      if (form == 3) {
        query = initials(folded).replaceFirst("^(\\S+) ", "$1. ");
        query = Character.toUpperCase(query.charAt(0)) + query.substring(1);
        relevant = byInitials.get(initials(folded));
        if (relevant.size() > 50) {
          continue; // "Y. Wang" names hundreds of people
        }
      } else if (form == 4) {
        query = folded;
        relevant = byFull.get(folded);
      } else {
        query = name;
        relevant = byFull.get(folded);
      }
      String id = "au-" + Integer.toHexString(folded.hashCode());
      Map<String, Integer> answers = new LinkedHashMap<>();
      relevant.stream().distinct().forEach(paper -> answers.put(paper, 1));
      queries.put(id, query);
      qrels.put(id, answers);
    }
    return qrels;
  }

  /**
   * Short topical queries: a keyword Hugging Face gave several papers ("sparse autoencoders"), two
   * to four words; every paper tagged with it is an answer.
   */
  private static Map<String, Map<String, Integer>> topicQueries(
      List<Paper> papers, Map<String, String> queries) {
    Map<String, List<String>> tagged = new TreeMap<>();
    for (Paper p : papers) {
      for (String k : p.aiKeywords()) {
        String topic = PARENTHESES.matcher(k).replaceAll("").strip().toLowerCase(Locale.ROOT);
        int words = wordCount(topic);
        if (words >= 2 && words <= 4) {
          add(tagged, topic, p.id());
        }
      }
    }
    List<String> topics = new ArrayList<>();
    tagged.forEach(
        (t, ids) -> {
          if (ids.size() >= MIN_TOPIC_PAPERS && ids.size() <= MAX_PHRASE_PAPERS) {
            topics.add(t);
          }
        });
    java.util.Collections.shuffle(topics, new Random(7));
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (String t : topics.subList(0, Math.min(TOPIC_QUERIES, topics.size()))) {
      String id = "tp-" + Integer.toHexString(t.hashCode());
      Map<String, Integer> answers = new LinkedHashMap<>();
      tagged.get(t).forEach(paper -> answers.put(paper, 1));
      queries.put(id, t);
      qrels.put(id, answers);
    }
    return qrels;
  }

  private static String initials(String folded) {
    String[] w = folded.split(" ");
    return w[0].charAt(0) + " " + w[w.length - 1];
  }

  private static void add(Map<String, List<String>> map, String key, String id) {
    List<String> ids = map.computeIfAbsent(key, k -> new ArrayList<>());
    if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
      ids.add(id);
    }
  }

  private static void writeCs(List<Paper> archive, Path dir, PrintStream progress)
      throws IOException {
    Files.createDirectories(dir.resolve("qrels"));
    List<Paper> docs = shuffled(archive, 93).subList(0, Math.min(CS_DOCS, archive.size()));
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (Paper p : docs) {
      if (queries.size() == CS_QUERIES) {
        break;
      }
      if (wordCount(p.title()) >= 3) {
        String id = "ti-" + p.id().replace('/', '_');
        queries.put(id, p.title().replaceAll("\\s+", " ").strip());
        qrels.put(id, Map.of(p.id(), 1));
      }
    }
    Set<String> untitled = new java.util.HashSet<>();
    qrels.values().forEach(m -> untitled.addAll(m.keySet()));
    writeCorpus(docs, dir, untitled);
    writeQueries(queries, dir);
    writeQrels(qrels, dir.resolve("qrels").resolve("titles.tsv"));
    progress.printf(
        Locale.ROOT,
        "devsets: %s: %,d papers, %,d title queries%n",
        CS,
        docs.size(),
        queries.size());
  }

  private static List<Paper> shuffled(List<Paper> papers, long seed) {
    List<Paper> out = new ArrayList<>(papers);
    out.sort(Comparator.comparing(Paper::id));
    java.util.Collections.shuffle(out, new Random(seed));
    return out;
  }

  private static int wordCount(String s) {
    return (int) WORD.matcher(s).results().count();
  }

  private static void writeCorpus(List<Paper> papers, Path dir, Set<String> untitled)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      for (Paper p : papers) {
        ObjectNode d = json.createObjectNode();
        d.put("_id", p.id());
        d.put("title", untitled.contains(p.id()) ? "" : p.title());
        d.put("text", p.abstractText());
        d.putPOJO("authors", p.authors());
        w.write(json.writeValueAsString(d));
        w.newLine();
      }
    }
  }

  private static void writeQueries(Map<String, String> queries, Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        w.write(json.writeValueAsString(Map.of("_id", q.getKey(), "text", q.getValue())));
        w.newLine();
      }
    }
  }

  private static void writeQrels(Map<String, Map<String, Integer>> qrels, Path file)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("query-id\tcorpus-id\tscore\n");
      for (var q : qrels.entrySet()) {
        for (var d : q.getValue().entrySet()) {
          w.write(q.getKey() + "\t" + d.getKey() + "\t" + d.getValue() + "\n");
        }
      }
    }
  }

  /** Which papers contain which words (lower case), to tell a distinctive phrase. */
  static final class Words {
    private final Map<String, BitSet> papers = new HashMap<>();
    private final int size;

    Words(List<Paper> corpus) {
      size = corpus.size();
      for (int i = 0; i < corpus.size(); i++) {
        Paper p = corpus.get(i);
        var m = WORD.matcher((p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT));
        while (m.find()) {
          papers.computeIfAbsent(m.group(), w -> new BitSet()).set(i);
        }
      }
    }

    /** Papers whose title or abstract has every word of the text. */
    int papersWithAll(String text) {
      BitSet all = new BitSet();
      all.set(0, size);
      var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        BitSet with = papers.get(m.group());
        if (with == null) {
          return 0;
        }
        all.and(with);
      }
      return all.cardinality();
    }
  }
}
