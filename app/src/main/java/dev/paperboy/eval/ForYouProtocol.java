package dev.paperboy.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.ingest.BadRecord;
import dev.paperboy.ingest.HfDailyPapersParser;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Paper;
import dev.paperboy.recommend.Item;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The "For you" offline protocol on real Hugging Face Daily Papers: simulated readers, one per
 * Hugging Face keyword ({@code ai_keywords}) and one per organisation, each liking the papers that
 * carry it. Time split: a reader learns from month M's likes and ranks every paper of month M+1;
 * the relevant ones are the M+1 papers they would like. Readers are split by a hash of their name
 * into a dev half (to choose the model) and a held-out half (reported once).
 */
final class ForYouProtocol {

  /** Likes in M and relevant papers in M+1 a reader needs to take part. */
  static final int MIN_LIKES = 5;

  static final int MIN_RELEVANT = 3;

  /** One reader in one month pair. */
  record Case(
      String reader,
      String kind,
      boolean dev,
      YearMonth month,
      List<Item> liked,
      List<Item> past,
      List<Item> candidates,
      Set<String> relevant) {}

  private ForYouProtocol() {}

  /** The shared data's daily papers (the top-level JSON files), one per id, with an abstract. */
  static List<Paper> papers(Path dailyPapers) throws IOException {
    HfDailyPapersParser parser = new HfDailyPapersParser(new ObjectMapper(), ImportLimits.DEFAULTS);
    Map<String, Paper> byId = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dailyPapers)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      LocalDate day = LocalDate.parse(name.substring(0, name.length() - ".json".length()));
      try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        parser.parse(
            in,
            name,
            day,
            new RecordSink() {
              @Override
              public void accept(Paper paper, String location) {
                if (paper.dailyDate() != null && !paper.abstractText().isBlank()) {
                  byId.putIfAbsent(paper.id(), paper);
                }
              }

              @Override
              public void reject(String reason, String location) {}
            });
      } catch (BadRecord e) {
        // a file that is not a daily-papers array is left out, as the importer leaves it
      }
    }
    return List.copyOf(byId.values());
  }

  static Item item(Paper p, Map<String, float[]> vectors) {
    return new Item(
        p.id(),
        p.title(),
        p.abstractText(),
        vectors.get(p.id()),
        p.authors(),
        p.authors().stream().map(AuthorKey::fold).toList(),
        p.organization() == null ? null : p.organization().name(),
        p.categories(),
        p.upvotes(),
        p.published());
  }

  /** Every reader of every pair of consecutive months from {@code from} on. */
  static List<Case> cases(List<Paper> papers, Map<String, float[]> vectors, YearMonth from) {
    TreeMap<YearMonth, List<Paper>> months = new TreeMap<>();
    for (Paper p : papers) {
      YearMonth m = YearMonth.from(p.dailyDate());
      if (!m.isBefore(from)) {
        months.computeIfAbsent(m, k -> new ArrayList<>()).add(p);
      }
    }
    List<Case> cases = new ArrayList<>();
    for (YearMonth m : months.keySet()) {
      List<Paper> next = months.get(m.plusMonths(1));
      if (next == null) {
        continue;
      }
      List<Item> past = months.get(m).stream().map(p -> item(p, vectors)).toList();
      List<Item> candidates = next.stream().map(p -> item(p, vectors)).toList();
      readers(m, months.get(m), next, past, candidates, "keyword", ForYouProtocol::keywords, cases);
      readers(
          m,
          months.get(m),
          next,
          past,
          candidates,
          "organisation",
          p -> p.organization() == null ? List.of() : List.of(p.organization().name()),
          cases);
    }
    return cases;
  }

  private static List<String> keywords(Paper p) {
    return p.aiKeywords().stream()
        .map(k -> k.strip().toLowerCase(Locale.ROOT))
        .filter(k -> !k.isEmpty())
        .distinct()
        .toList();
  }

  private static void readers(
      YearMonth m,
      List<Paper> month,
      List<Paper> next,
      List<Item> past,
      List<Item> candidates,
      String kind,
      Function<Paper, List<String>> likes,
      List<Case> out) {
    Map<String, List<Integer>> likedIn = index(month, likes);
    Map<String, List<Integer>> relevantIn = index(next, likes);
    for (Map.Entry<String, List<Integer>> r : likedIn.entrySet()) {
      List<Integer> relevant = relevantIn.getOrDefault(r.getKey(), List.of());
      if (r.getValue().size() < MIN_LIKES || relevant.size() < MIN_RELEVANT) {
        continue;
      }
      String name = kind + ":" + r.getKey();
      out.add(
          new Case(
              name,
              kind,
              dev(name),
              m,
              r.getValue().stream().map(past::get).toList(),
              past,
              candidates,
              Set.copyOf(relevant.stream().map(i -> candidates.get(i).id()).toList())));
    }
  }

  private static Map<String, List<Integer>> index(
      List<Paper> papers, Function<Paper, List<String>> keys) {
    Map<String, List<Integer>> index = new TreeMap<>();
    for (int i = 0; i < papers.size(); i++) {
      for (String k : keys.apply(papers.get(i))) {
        index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
      }
    }
    return index;
  }

  /** Half the readers, the same half every run, by a hash of the reader's name. */
  static boolean dev(String reader) {
    CRC32 crc = new CRC32();
    crc.update(reader.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 2 == 0;
  }
}
