package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout honest by reading the imports: each third-party library stays in its package,
 * and our packages depend on each other in one direction only (see {@link #MAY_USE}).
 */
class ArchitectureTest {

  static final Path SOURCES = Path.of("src/main/java/dev/paperboy");

  /** Import prefix -> the packages (under dev.paperboy) allowed to use it. */
  static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("io.javalin", List.of("web")),
          Map.entry("com.aayushatharva.brotli4j", List.of("web")),
          Map.entry("org.eclipse.jetty", List.of("web")),
          Map.entry("jakarta.servlet", List.of("web")),
          Map.entry("org.apache.lucene", List.of("lucene")),
          Map.entry("org.apache.solr", List.of("solr")),
          Map.entry("org.apache.zookeeper", List.of("solr")),
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

  /**
   * Package -> the packages of ours it may import ("" is the composition root). Dependencies point
   * one way, from the edges (cli, web) through the features down to paper and storage; an engine
   * (lucene) implements the search package's interface, never the other way round.
   */
  static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("storage", Set.of()),
          Map.entry("schedule", Set.of("storage")),
          Map.entry("paper", Set.of("storage")),
          Map.entry("feed", Set.of("community", "paper", "recommend", "storage")),
          // pure ranking over our records: what web, digest and eval feed it
          Map.entry("recommend", Set.of()),
          // pure writers of citation formats over our paper records
          Map.entry("cite", Set.of("paper")),
          Map.entry("ingest", Set.of("paper", "storage")),
          Map.entry("search", Set.of("paper", "storage", "schedule")),
          Map.entry("lucene", Set.of("search", "paper")),
          Map.entry("solr", Set.of("search", "paper")),
          Map.entry("harvest", Set.of("ingest", "paper", "storage", "schedule")),
          Map.entry("community", Set.of("harvest", "ingest", "paper", "storage", "schedule")),
          Map.entry(
              "digest", Set.of("community", "feed", "paper", "recommend", "storage", "schedule")),
          Map.entry(
              "observe", Set.of("community", "digest", "ingest", "harvest", "search", "storage")),
          Map.entry("backup", Set.of("lucene", "paper", "storage")),
          Map.entry("eval", Set.of("", "ingest", "paper", "recommend", "search", "storage")),
          Map.entry("bench", Set.of("", "ingest", "paper", "search", "storage")),
          Map.entry("thumbnail", Set.of("harvest", "ingest", "paper", "storage", "schedule")),
          Map.entry(
              "web",
              Set.of(
                  "cite",
                  "community",
                  "digest",
                  "feed",
                  "harvest",
                  "observe",
                  "paper",
                  "recommend",
                  "search",
                  "storage",
                  "thumbnail")));

  @Test
  void dependenciesPointOneWay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> allowed = MAY_USE.get(pkg);
        if (allowed == null) {
          if (!pkg.equals("cli") && !pkg.isEmpty()) {
            violations.add(pkg + " has no place in MAY_USE");
          }
          continue;
        }
        for (String line : Files.readAllLines(file)) {
          Matcher m = OURS.matcher(line);
          if (m.matches()) {
            String used = m.group(1) == null ? "" : m.group(1);
            if (!used.equals(pkg) && !allowed.contains(used)) {
              violations.add(file.getFileName() + " (" + pkg + ") imports " + m.group(0));
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /** An import of ours: group 1 is the package under dev.paperboy (null for the root). */
  static final Pattern OURS =
      Pattern.compile("import (?:static )?dev\\.paperboy\\.(?:([a-z]+)\\.)?[A-Z].*;");

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
