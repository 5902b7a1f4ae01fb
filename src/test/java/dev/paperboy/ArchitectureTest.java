package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout honest by reading the imports: each third-party library stays in its package,
 * nothing but the composition root and the CLI reaches into the web layer, no feature package
 * reaches into the CLI, and only the web layer and the composition root into observe.
 */
class ArchitectureTest {

  static final Path SOURCES = Path.of("src/main/java/dev/paperboy");

  /** Import prefix -> the packages (under dev.paperboy) allowed to use it. */
  static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("io.javalin", List.of("web")),
          Map.entry("org.eclipse.jetty", List.of("web")),
          Map.entry("jakarta.servlet", List.of("web")),
          Map.entry("org.apache.lucene", List.of("lucene")),
          Map.entry("gg.jte", List.of("web", "digest")),
          Map.entry("jakarta.mail", List.of("digest")),
          Map.entry("org.eclipse.angus", List.of("digest")),
          Map.entry("com.fasterxml.jackson", List.of("web", "ingest", "eval")),
          Map.entry("ai.onnxruntime", List.of("search")),
          Map.entry("ai.djl", List.of("search")),
          Map.entry("java.sql", List.of("storage", "paper", "community", "digest", "harvest")),
          Map.entry("org.bouncycastle", List.of("community")),
          Map.entry("org.commonmark", List.of("community")),
          Map.entry("com.zaxxer", List.of("storage")),
          Map.entry("picocli", List.of("cli", "")),
          Map.entry("org.tukaani", List.of("ingest")),
          Map.entry("io.micrometer", List.of("observe")),
          Map.entry("io.prometheus", List.of("observe")),
          Map.entry("org.sqlite", List.of("storage")),
          // observe binds the feature packages' counters, so they must not reach back into it
          Map.entry("dev.paperboy.observe", List.of("observe", "web", "")),
          Map.entry("dev.paperboy.web", List.of("web", "", "cli")),
          Map.entry("dev.paperboy.cli", List.of("cli", "")));

  @Test
  void librariesAndLayersStayInTheirPackages() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("import ")) {
            continue;
          }
          String imported = line.substring(7).replace("static ", "").replace(";", "").strip();
          ALLOWED.forEach(
              (prefix, packages) -> {
                if (imported.startsWith(prefix) && !packages.contains(pkg)) {
                  violations.add(file.getFileName() + " (" + pkg + ") imports " + imported);
                }
              });
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
