package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes scripts rely on: 0 success, 1 finished with rejections, 2 failure. */
class MainTest {

  @TempDir Path dir;

  @Test
  void aCleanImportExitsZero() {
    assertEquals(
        0,
        Main.run(
            "import",
            "--data-dir",
            dir.toString(),
            TestApps.resource("ingest/listings").toString()));
  }

  @Test
  void anImportWithRejectedFilesExitsOne() {
    assertEquals(
        1,
        Main.run(
            "import",
            "--data-dir",
            dir.toString(),
            TestApps.resource("ingest/malformed").toString()));
  }

  @Test
  void aMissingPathExitsTwo() {
    assertEquals(
        2, Main.run("import", "--data-dir", dir.toString(), dir.resolve("nope").toString()));
  }

  @Test
  void unknownSubcommandsAndMissingArgumentsExitTwo() {
    assertEquals(2, Main.run("frobnicate"));
    assertEquals(2, Main.run(new String[0]));
    assertEquals(2, Main.run("import"));
  }

  @Test
  void helpExitsZero() {
    assertEquals(0, Main.run("--help"));
    assertEquals(0, Main.run("serve", "--help"));
    assertEquals(0, Main.run("import", "--help"));
    assertEquals(0, Main.run("demo", "--help"));
  }

  @Test
  void theServersOwnParserStillNamesTheCommandAndRefusesUnknownOptions() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.run("serve", "--bogus"));
      assertEquals(2, Main.run("demo", "--port", "not-a-number"));
    } finally {
      System.setErr(err);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Unknown option: '--bogus'"), text);
    assertTrue(text.contains("Usage: paperboy serve"), text);
    assertTrue(text.contains("Usage: paperboy demo"), text);
  }
}
