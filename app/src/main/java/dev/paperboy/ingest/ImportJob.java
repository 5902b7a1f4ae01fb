package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.StorageException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files and directories into the paper store. Each file's format is recognised from its
 * content; a malformed file or record is counted with its reason and location and the rest goes on.
 * Papers are merged in memory per batch and upserted a batch per transaction.
 */
public final class ImportJob {

  private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

  static final int BATCH = 2000;

  private final PaperStore store;
  private final PrintStream progressOut;
  private final RecordCounts counts;
  private final ImportLimits limits;
  private final PaperValidator validator;
  private final HfDailyPapersParser hf;
  private final JsonLinesParser jsonLines;
  private final RecordSink sink =
      new RecordSink() {
        @Override
        public void accept(Paper paper, String location) {
          ImportJob.this.accept(paper, location);
        }

        @Override
        public void reject(String reason, String location) {
          ImportJob.this.reject(reason, location);
        }
      };

  private final Map<String, Paper> batch = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, String> rejectedFiles = new TreeMap<>();
  private final Tally rejectedRecords = new Tally();
  private final Tally correctedValues = new Tally();
  private final AtomicLong bytes = new AtomicLong();
  private long records;
  private long accepted;
  private int filesRead;
  private int created;
  private int updated;
  private int unchanged;
  private int repeated;
  private long rejected;
  private long recordsCounted;
  private long rejectedCounted;

  /** An import with the default limits, checking dates against the system clock. */
  public ImportJob(PaperStore store, PrintStream progressOut) {
    this(store, progressOut, ImportLimits.DEFAULTS, InstantSource.system());
  }

  /**
   * @param clock what "today" is when checking that dates are not in the future
   */
  public ImportJob(
      PaperStore store, PrintStream progressOut, ImportLimits limits, InstantSource clock) {
    this(store, progressOut, limits, clock, new RecordCounts());
  }

  /** A job that also adds what each committed batch did to the process's {@code counts}. */
  public ImportJob(
      PaperStore store,
      PrintStream progressOut,
      ImportLimits limits,
      InstantSource clock,
      RecordCounts counts) {
    this.store = store;
    this.progressOut = progressOut;
    this.counts = counts;
    this.limits = limits;
    this.validator = new PaperValidator(clock);
    ObjectMapper json = Json.mapper(limits);
    this.hf = new HfDailyPapersParser(json, limits);
    this.jsonLines = new JsonLinesParser(json);
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
    return new ImportReport(
        filesRead,
        skipped,
        rejectedFiles,
        records,
        created,
        updated,
        unchanged,
        repeated,
        rejectedRecords.byReason(),
        correctedValues.byReason(),
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
    try (BufferedInputStream in = InputFiles.open(file, bytes, limits)) {
      switch (InputFormat.of(in)) {
        case EMPTY -> rejectedFiles.put(name, "empty file");
        case JSON_ARRAY, JSON_DOCUMENT -> hf.parse(new StrictUtf8Reader(in), name, fileDay, sink);
        case JSON_LINES -> jsonLines.parse(new Utf8Lines(in, limits), name, fileDay, sink);
        case TEXT ->
            ArchiveTsvParser.parse(
                new QuotedTsvReader(
                    new BufferedReader(new StrictUtf8Reader(in), 1 << 16), limits.maxRecordBytes()),
                name,
                limits.recordTooLarge(),
                sink);
      }
    } catch (BadRecord e) {
      rejectedFiles.put(name, e.getMessage());
    } catch (JsonProcessingException e) {
      rejectedFiles.put(name, "invalid JSON " + at(e) + kept(accepted - before));
    } catch (BadInput e) {
      rejectedFiles.put(name, e.getMessage() + kept(accepted - before));
    } catch (IOException e) {
      rejectedFiles.put(
          name,
          "cannot read: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + kept(accepted - before));
    } catch (StorageException e) {
      throw e; // the database failing is not this file's fault: the import stops
    } catch (RuntimeException e) {
      // a bug met in one file's content must not cost the files after it
      log.error("importing {} failed", name, e);
      rejectedFiles.put(name, "failed: " + e + kept(accepted - before));
    }
  }

  /** "at line 3, column 7 (what Jackson said)". */
  private static String at(JsonProcessingException e) {
    var at = e.getLocation();
    return String.format(
        Locale.ROOT,
        "at line %d, column %d (%s)",
        at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(),
        e.getOriginalMessage().lines().findFirst().orElse(""));
  }

  private void accept(Paper read, String location) {
    PaperValidator.Checked checked = validator.check(read);
    if (!checked.accepted()) {
      reject(checked.rejection().reason(), where(location, read, checked.rejection()));
      return;
    }
    for (PaperValidator.Problem p : checked.corrections()) {
      correctedValues.add(p.reason(), where(location, read, p));
    }
    Paper paper = checked.paper();
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

  /** "file#3 (2506.33310: 9999-12-31)": where, which paper, and the value that was wrong. */
  private static String where(String location, Paper paper, PaperValidator.Problem problem) {
    return location + " (" + paper.id() + ": " + problem.value() + ")";
  }

  private void reject(String reason, String location) {
    records++;
    rejected++;
    rejectedRecords.add(reason, location);
  }

  private void flush() {
    PaperStore.UpsertResult result =
        batch.isEmpty()
            ? new PaperStore.UpsertResult(0, 0, 0, List.of())
            : store.upsert(batch.values());
    created += result.created();
    updated += result.updated();
    unchanged += result.unchanged();
    batch.clear();
    counts.add(
        records - recordsCounted, result.created(), result.updated(), rejected - rejectedCounted);
    recordsCounted = records;
    rejectedCounted = rejected;
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

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
