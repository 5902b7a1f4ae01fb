package dev.paperboy.ingest;

import static dev.paperboy.ingest.ImportFixture.hfItem;
import static dev.paperboy.ingest.ImportFixture.listingLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Files built to break the importer, and valid files it used to refuse. */
class HostileInputTest {

  /** A 1 MiB record limit and a 1 MiB bomb floor, so the files that cross them stay small. */
  static final ImportLimits SMALL = new ImportLimits(1 << 20, 1L << 30, 1 << 20, 100);

  @RegisterExtension final ImportFixture f = new ImportFixture();

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  @Test
  void aMinifiedDayOnOneLongLineIsImported() {
    String day =
        IntStream.rangeClosed(1, 11_642)
            .mapToObj(i -> hfItem(String.format("2503.%05d", i), ""))
            .collect(Collectors.joining(",", "[", "]"));
    assertTrue(day.length() > 2 << 20, "one line of " + day.length() + " characters");
    ImportReport report = f.importing(f.write("2025-03-21.json", day));
    assertFalse(report.hasRejections(), report.table());
    assertEquals(11_642, report.created());
    assertEquals(LocalDate.of(2025, 3, 21), f.paper("2503.11642").dailyDate());
  }

  @Test
  void aJsonLinesRecordWithAFourMegabyteAbstractIsImported() {
    String abstractText = repeat('a', 4 << 20);
    Path file =
        f.write(
            "2025-03-21.jsonl",
            listingLine("2503.00001", abstractText) + "\n" + listingLine("2503.00002", "Short."));
    ImportReport report = f.importing(file);
    assertFalse(report.hasRejections(), report.table());
    assertEquals(2, report.created());
    assertEquals(abstractText, f.paper("2503.00001").abstractText());
  }

  @Test
  void aRecordOverTheLimitIsRejectedAndTheFileGoesOn() {
    Path lines =
        f.write(
            "2025-03-21.jsonl",
            String.join(
                "\n",
                listingLine("2503.00001", "Fine."),
                listingLine("2503.00002", repeat('b', 2 << 20)),
                listingLine("2503.00003", "Fine too.")));
    String manyAuthors =
        IntStream.range(0, 60_000)
            .mapToObj(i -> "{\"name\": \"Author " + i + "\"}")
            .collect(Collectors.joining(",", ", \"authors\": [", "]"));
    Path array =
        f.write(
            "2025-03-22.json",
            "[\n"
                + String.join(
                    ",\n",
                    hfItem("2503.00011", ""),
                    hfItem("2503.00012", manyAuthors),
                    hfItem("2503.00013", ", \"ai_summary\": \"" + repeat('c', 2 << 20) + "\""),
                    hfItem("2503.00014", ""))
                + "\n]");
    ImportReport report = f.importing(SMALL, lines, array);
    assertTrue(report.filesRejected().isEmpty(), report.table());
    ImportReport.Rejections tooLarge = report.recordsRejected().get("record over 1 MiB");
    assertEquals(
        List.of(lines + ":2", array + "#1", array + "#2"), tooLarge.examples(), report.table());
    assertEquals(4, report.created());
    for (String id : List.of("2503.00001", "2503.00003", "2503.00011", "2503.00014")) {
      f.paper(id);
    }
    assertTrue(f.store.find("2503.00012").isEmpty());
  }

  @Test
  void anArchiveRowOverTheLimitIsRejectedAndTheFileGoesOn() {
    String tsv =
        String.join(
            "\n",
            "arxiv_id\ttitle\tabstract\tcreated",
            "1503.00001\tFirst\tAn abstract.\t2015-03-01",
            "1503.00002\tHuge\t\""
                + repeat('d', 600_000)
                + "\n"
                + repeat('d', 600_000)
                + "\"\t2015-03-01",
            "1503.00003\tThird\tAnother abstract.\t2015-03-01");
    Path file = f.write("archive.tsv", tsv);
    ImportReport report = f.importing(SMALL, file);
    assertEquals(
        List.of(file + ":3"), report.recordsRejected().get("record over 1 MiB").examples());
    assertEquals(2, report.created());
    assertEquals("Third", f.paper("1503.00003").title(), "read on after the long row's newline");
  }

  @Test
  void aStringTooLongToStepOverEndsTheFileWithItsPlace() {
    Path file =
        f.write(
            "2025-03-21.json",
            "["
                + hfItem("2503.00001", "")
                + ",\n"
                + hfItem("2503.00002", ", \"ai_summary\": \"" + repeat('e', 5 << 20) + "\"")
                + "]");
    String reason = f.importing(SMALL, file).filesRejected().get(file.toString());
    assertTrue(reason.startsWith("too large to read at line 2, column "), reason);
    assertTrue(reason.endsWith("; the 1 record before it was kept"), reason);
    f.paper("2503.00001");
  }

  @Test
  void byteOrderMarksAreAcceptedOnArraysAndJsonLines() {
    Path array = f.write("2025-03-21.json", "\uFEFF[" + hfItem("2503.00001", "") + "]");
    Path lines =
        f.write(
            "2025-03-22.jsonl",
            "\uFEFF" + listingLine("2503.00002", "Marked.") + "\n" + listingLine("2503.00003", ""));
    ImportReport report = f.importing(array, lines);
    assertFalse(report.hasRejections(), report.table());
    assertEquals(3, report.created());
  }

  @Test
  void invalidUtf8IsRejectedWithItsLineInsteadOfReplaced() {
    String secondLine = listingLine("2503.00002", "Broken @");
    Path lines =
        f.write(
            "2025-03-21.jsonl",
            withBadByteAt(
                listingLine("2503.00001", "Fine \uFFFD as written.")
                    + "\n"
                    + secondLine
                    + "\n"
                    + listingLine("2503.00003", "Fine.")));
    String secondItem = hfItem("2503.00012", ", \"ai_summary\": \"Broken @\"");
    Path array =
        f.write(
            "2025-03-22.json",
            withBadByteAt("[\n" + hfItem("2503.00011", "") + ",\n" + secondItem + "\n]"));
    ImportReport report = f.importing(lines, array);
    assertEquals(List.of(lines + ":2"), report.recordsRejected().get("invalid UTF-8").examples());
    assertEquals(
        "invalid UTF-8 at line 3, column "
            + (secondItem.indexOf('@') + 1)
            + "; the 1 record before it was kept",
        report.filesRejected().get(array.toString()));
    assertEquals("Fine \uFFFD as written.", f.paper("2503.00001").abstractText());
    assertEquals(3, report.created());
    assertTrue(f.store.find("2503.00002").isEmpty());
  }

  /** The text as UTF-8 with its one '@' replaced by a byte sequence that is not UTF-8. */
  private static byte[] withBadByteAt(String text) {
    String[] parts = text.split("@", -1);
    assertEquals(2, parts.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void aDecompressionBombIsRefusedAndTheFilesAroundItAreKept() {
    Path before = f.copy("listings/2025-03-21.jsonl.gz", "2025-03-21.jsonl.gz");
    // 32 MiB of zeros after the start of a record, without a newline: 32 KB on disk
    Path bomb =
        f.write("2025-03-22-bomb.jsonl.gz", ImportFixture.gzipBomb("{\"id\": \"", 32L << 20));
    Path after = f.copy("hf/2024-05-27.json", "2025-03-23.json");
    ImportReport report = f.importing(SMALL, before, bomb, after);
    String reason = report.filesRejected().get(bomb.toString());
    assertTrue(reason.startsWith("decompression bomb: "), reason);
    assertTrue(reason.contains(".gz data had expanded to"), reason);
    assertEquals(List.of(bomb.toString()), List.copyOf(report.filesRejected().keySet()));
    assertEquals(21 + 13, report.created(), "the files before and after the bomb");
    assertEquals(LocalDate.of(2025, 3, 21), f.paper("2503.15491").dailyDate());
    assertEquals(32, f.paper("2405.15738").upvotes());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithTheLimit() {
    Path big = f.write("2025-03-21.jsonl", new byte[3 << 20]);
    ImportLimits limits = new ImportLimits(1 << 20, 2 << 20, 1 << 20, 100);
    String reason = f.importing(limits, big).filesRejected().get(big.toString());
    assertEquals("holds more than 2 MiB, the limit for one file", reason);
  }

  @Test
  void truncatedAndCorruptCompressedFilesSayWhatHappened() throws IOException {
    byte[] xz = Files.readAllBytes(TestApps.resource("ingest/xz/2025-03-21.jsonl.xz"));
    Path truncated = f.write("2025-03-21.jsonl.xz", Arrays.copyOf(xz, xz.length / 2));
    byte[] flipped = xz.clone();
    flipped[xz.length / 2] ^= 0x55;
    Path corrupt = f.write("2025-03-22.jsonl.xz", flipped);
    Path notGzip = f.write("2025-03-23.jsonl.gz", "not gzip at all");
    ImportReport report = f.importing(truncated, corrupt, notGzip);
    String cut = report.filesRejected().get(truncated.toString());
    assertTrue(
        cut.startsWith("truncated .xz data: the file ends inside its compressed stream"), cut);
    String flippedReason = report.filesRejected().get(corrupt.toString());
    assertTrue(flippedReason.startsWith("corrupt .xz data (Compressed data is corrupt)"), cut);
    assertEquals(
        "corrupt .gz data (Not in GZIP format)", report.filesRejected().get(notGzip.toString()));
  }
}
