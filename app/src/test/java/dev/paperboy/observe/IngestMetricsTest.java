package dev.paperboy.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import dev.paperboy.TestDatabases;
import dev.paperboy.ingest.ImportJob;
import dev.paperboy.ingest.ImportLimits;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.RecordCounts;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports add what they committed to the process's counts, which /metrics reports. */
class IngestMetricsTest {

  @Test
  void anImportsRecordsShowAsCountersByOutcome(@TempDir Path dir) {
    RecordCounts counts = new RecordCounts();
    ImportReport report;
    try (Database db = TestDatabases.open(dir)) {
      PaperStore papers = new PaperStore(db);
      report =
          importing(papers, counts)
              .run(List.of(TestApps.resource("ingest/hf"), TestApps.resource("ingest/bad")));
      // a second run of the same files changes nothing and adds only to "read"
      importing(papers, counts).run(List.of(TestApps.resource("ingest/hf")));
    }
    assertTrue(report.created() > 0 && report.rejectedRecords() > 0, report.table());
    assertEquals(report.created(), counts.created());
    assertEquals(report.updated(), counts.updated());
    assertEquals(report.rejectedRecords(), counts.rejected());
    assertTrue(counts.read() > report.recordsRead());
    try (Metrics metrics = new Metrics()) {
      metrics.bind("import", counts);
      String scrape = metrics.scrape();
      assertTrue(
          scrape.contains(
              "paperboy_records_total{kind=\"import\",outcome=\"created\"} "
                  + (double) report.created()),
          scrape);
      assertTrue(
          scrape.contains(
              "paperboy_records_total{kind=\"import\",outcome=\"rejected\"} "
                  + (double) report.rejectedRecords()),
          scrape);
    }
  }

  private static ImportJob importing(PaperStore papers, RecordCounts counts) {
    return new ImportJob(
        papers,
        new PrintStream(OutputStream.nullOutputStream()),
        ImportLimits.DEFAULTS,
        InstantSource.system(),
        counts);
  }
}
