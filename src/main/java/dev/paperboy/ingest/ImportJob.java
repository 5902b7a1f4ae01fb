package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports files and directories into the paper store. Each file's format is recognised from its
 * content; a malformed file or record is counted with its reason and location and the rest goes on.
 * Papers are merged in memory per batch and upserted a batch per transaction.
 */
public final class ImportJob {

  static final int BATCH = 2000;
  private static final int EXAMPLES = 3;
  private static final int PEEK_LIMIT = 1 << 20;

  private final PaperStore store;
  private final PrintStream progressOut;
  private final ImportLimits limits;
  private final ObjectMapper json = new ObjectMapper();
  private final HfDailyPapersParser hf = new HfDailyPapersParser(json);

  private final Map<String, Paper> batch = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, String> rejectedFiles = new TreeMap<>();
  private final Map<String, List<String>> rejectedExamples = new TreeMap<>();
  private final Map<String, Long> rejectedCounts = new TreeMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private long records;
  private long accepted;
  private int filesRead;
  private int created;
  private int updated;
  private int unchanged;
  private int repeated;

  public ImportJob(PaperStore store, PrintStream progressOut) {
    this(store, progressOut, ImportLimits.DEFAULTS);
  }

  public ImportJob(PaperStore store, PrintStream progressOut, ImportLimits limits) {
    this.store = store;
    this.progressOut = progressOut;
    this.limits = limits;
  }

  /** Imports every file under the paths. A job runs once; make a new one for the next import. */
  public ImportReport run(List<Path> paths) {
    long started = System.nanoTime();
    List<Path> files = InputFiles.expand(paths);
    long total = files.stream().mapToLong(ImportJob::size).sum();
    ProgressBar progress = new ProgressBar(progressOut, total, files.size());
    int done = 0;
    for (Path file : files) {
      try {
        importFile(file);
      } finally {
        flush(); // a later file's failure, whatever it is, cannot take this file's records along
      }
      progress.update(bytes.get(), ++done, records);
    }
    progress.finish(records);
    Map<String, ImportReport.Rejections> byReason = new TreeMap<>();
    rejectedCounts.forEach(
        (reason, n) ->
            byReason.put(reason, new ImportReport.Rejections(n, rejectedExamples.get(reason))));
    return new ImportReport(
        filesRead,
        skipped,
        rejectedFiles,
        records,
        created,
        updated,
        unchanged,
        repeated,
        byReason,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void importFile(Path file) {
    String name = file.toString();
    if (!InputFiles.looksLikeData(file)) {
      skipped.add(file.getFileName().toString());
      return;
    }
    filesRead++;
    LocalDate fileDay = Text.dateInFileName(file.getFileName().toString());
    long before = accepted;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(InputFiles.open(file, bytes, limits), StandardCharsets.UTF_8),
            1 << 16)) {
      in.mark(PEEK_LIMIT);
      String first = firstNonBlankLine(in);
      in.reset();
      if (first == null) {
        rejectedFiles.put(name, "empty file");
      } else if (first.contains("\t")) {
        readTsv(in, name);
      } else if (first.startsWith("[") || !isCompleteJson(first)) {
        hf.parse(in, name, fileDay, sink());
      } else {
        readJsonLines(in, name, fileDay);
      }
    } catch (BadRecord e) {
      rejectedFiles.put(name, e.getMessage());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      rejectedFiles.put(
          name,
          String.format(
              "invalid JSON at line %d, column %d (%s)%s",
              at == null ? 0 : at.getLineNr(),
              at == null ? 0 : at.getColumnNr(),
              e.getOriginalMessage().lines().findFirst().orElse(""),
              kept(accepted - before)));
    } catch (BadInput e) {
      rejectedFiles.put(name, e.getMessage() + kept(accepted - before));
    } catch (IOException e) {
      rejectedFiles.put(
          name,
          "cannot read: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + kept(accepted - before));
    }
  }

  private void readJsonLines(BufferedReader in, String name, LocalDate fileDay)
      throws IOException, BadRecord {
    Flavour flavour = null;
    int lineNo = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String location = name + ":" + lineNo;
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (JsonProcessingException e) {
        reject("invalid JSON line", location);
        continue;
      }
      if (flavour == null) {
        flavour = Flavour.of(node);
        if (flavour == null) {
          throw new BadRecord(
              "unrecognised format: JSON lines that are neither arXiv listings nor the Kaggle"
                  + " arXiv snapshot (first record's fields: "
                  + fieldNames(node)
                  + ")");
        }
      }
      try {
        accept(
            flavour == Flavour.KAGGLE
                ? KaggleSnapshotRecords.toPaper(node)
                : ArxivListingRecords.toPaper(node, fileDay));
      } catch (BadRecord e) {
        String id = node.path("id").isTextual() ? " (" + node.path("id").asText() + ")" : "";
        reject(e.getMessage(), location + id);
      }
    }
  }

  private void readTsv(BufferedReader in, String name) throws IOException, BadRecord {
    QuotedTsvReader tsv = new QuotedTsvReader(in);
    List<String> header = tsv.next();
    if (header == null || !ArxivArchiveRecords.recognises(header)) {
      throw new BadRecord(
          "unrecognised format: tab-separated columns without arxiv_id, title and abstract");
    }
    List<String> row;
    while ((row = tsv.next()) != null) {
      String location = name + ":" + tsv.rowLine();
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != header.size()) {
        reject("wrong number of columns", location);
        continue;
      }
      Map<String, String> fields = new java.util.HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        fields.put(header.get(i), row.get(i));
      }
      try {
        accept(ArxivArchiveRecords.toPaper(fields));
      } catch (BadRecord e) {
        reject(e.getMessage(), location + " (" + fields.get("arxiv_id") + ")");
      }
    }
  }

  private enum Flavour {
    LISTING,
    KAGGLE;

    static Flavour of(JsonNode node) {
      if (KaggleSnapshotRecords.recognises(node)) {
        return KAGGLE;
      }
      return ArxivListingRecords.recognises(node) ? LISTING : null;
    }
  }

  private RecordSink sink() {
    return new RecordSink() {
      @Override
      public void accept(Paper paper) {
        ImportJob.this.accept(paper);
      }

      @Override
      public void reject(String reason, String location) {
        ImportJob.this.reject(reason, location);
      }
    };
  }

  private void accept(Paper paper) {
    records++;
    accepted++;
    if (batch.containsKey(paper.id())) {
      repeated++;
    }
    batch.merge(paper.id(), paper, Paper::mergedWith);
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  private void reject(String reason, String location) {
    records++;
    rejectedCounts.merge(reason, 1L, Long::sum);
    List<String> examples = rejectedExamples.computeIfAbsent(reason, r -> new ArrayList<>());
    if (examples.size() < EXAMPLES) {
      examples.add(location);
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    PaperStore.UpsertResult result = store.upsert(batch.values());
    created += result.created();
    updated += result.updated();
    unchanged += result.unchanged();
    batch.clear();
  }

  /** What a file rejected part-way through still gave. */
  private static String kept(long papers) {
    if (papers == 0) {
      return "";
    }
    return papers == 1
        ? "; the 1 record before it was kept"
        : "; the " + papers + " records before it were kept";
  }

  private boolean isCompleteJson(String line) {
    try {
      json.readTree(line);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String firstNonBlankLine(BufferedReader in) throws IOException {
    String line;
    int read = 0;
    while ((line = in.readLine()) != null) {
      read += line.length() + 1;
      if (!line.isBlank()) {
        return read < PEEK_LIMIT ? line.strip().replace("\uFEFF", "") : "[";
      }
    }
    return null;
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names.subList(0, Math.min(8, names.size())));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
