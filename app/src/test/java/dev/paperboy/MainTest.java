package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
