package dev.paperboy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway SolrCloud (and, when asked, PostgreSQL) on this machine, run by the solr-launcher
 * module in a child JVM: Solr 9 is built on Lucene 9, which cannot share this JVM's Lucene 10. For
 * {@code dev-cluster}, {@code bench --cluster} and the cluster tests. The child goes away with this
 * process: it exits when its standard input closes.
 */
public final class LocalCluster implements AutoCloseable {

  private static final long START_SECONDS = 180;

  /** What the launcher started: a JDBC URL (null without PostgreSQL), ZooKeeper, Solr nodes. */
  public record Addresses(String postgresUrl, String zookeeper, List<String> solrUrls) {}

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
  private final Addresses addresses;

  private LocalCluster(Process process, PrintStream progress) throws IOException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.offer(line);
                }
              } catch (IOException e) {
                lines.offer("error " + e.getMessage());
              }
              lines.offer("exited");
            },
            "local-cluster-output");
    reader.setDaemon(true);
    reader.start();
    String postgres = null;
    String zk = null;
    List<String> solr = List.of();
    for (String line = next(START_SECONDS); !line.equals("ready"); line = next(START_SECONDS)) {
      if (line.startsWith("postgres ")) {
        postgres = line.substring(9);
      } else if (line.startsWith("zookeeper ")) {
        zk = line.substring(10);
      } else if (line.startsWith("solr ")) {
        solr = List.of(line.substring(5).split(","));
      } else if (line.startsWith("error") || line.equals("exited")) {
        process.destroyForcibly();
        throw new IllegalStateException("the local cluster did not start: " + line);
      }
      if (progress != null) {
        progress.println("local cluster: " + line);
      }
    }
    this.addresses = new Addresses(postgres, zk, solr);
  }

  /**
   * Starts {@code solrNodes} Solr nodes with ZooKeeper and, with {@code postgres}, PostgreSQL, all
   * keeping their data in {@code dir} (the launcher's log goes to {@code dir/launcher.log}).
   */
  public static LocalCluster start(
      Path dir, int solrNodes, boolean postgres, PrintStream progress) {
    Path launcher = launcherDir();
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-Xmx768m");
      command.add("-cp");
      command.add(launcher.resolve("solr-launcher.jar") + ":" + launcher.resolve("lib") + "/*");
      command.add("dev.paperboy.launcher.Launcher");
      command.add("--dir");
      command.add(dir.toString());
      command.add("--solr-nodes");
      command.add(Integer.toString(solrNodes));
      if (postgres) {
        command.add("--postgres");
      }
      Process p =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("launcher.log").toFile()))
              .start();
      return new LocalCluster(p, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local cluster from " + launcher, e);
    }
  }

  /**
   * The built launcher: the {@code paperboy.launcher} property (the tests'), else {@code
   * solr-launcher/target} under PAPERBOY_HOME or the working directory.
   */
  static Path launcherDir() {
    String property = System.getProperty("paperboy.launcher");
    String home = System.getenv("PAPERBOY_HOME");
    Path dir =
        property != null
            ? Path.of(property)
            : Path.of(home != null ? home : ".").resolve("solr-launcher/target");
    if (!Files.isRegularFile(dir.resolve("solr-launcher.jar"))) {
      throw new IllegalStateException(
          "the Solr launcher is not built at "
              + dir.toAbsolutePath()
              + "; build it with ./mvnw -q -pl solr-launcher package");
    }
    return dir;
  }

  public Addresses addresses() {
    return addresses;
  }

  /** Stops Solr node {@code n}: its replicas go down, the others answer. */
  public void stopSolrNode(int n) {
    command("stop " + n, "stopped " + n);
  }

  /** Starts Solr node {@code n} again, on its old port and data. */
  public void startSolrNode(int n) {
    command("start " + n, "started " + n);
  }

  private synchronized void command(String command, String expected) {
    try {
      commands.write(command + "\n");
      commands.flush();
      for (String line = next(120); ; line = next(120)) {
        if (line.startsWith(expected)) {
          return;
        }
        if (line.startsWith("error") || line.equals("exited")) {
          throw new IllegalStateException("the local cluster could not " + command + ": " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the local cluster went away", e);
    }
  }

  private String next(long seconds) {
    try {
      return Optional.ofNullable(lines.poll(seconds, TimeUnit.SECONDS))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the local cluster said nothing for " + seconds + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the local cluster", e);
    }
  }

  /** Shuts the cluster down (its data stays in the directory). */
  @Override
  public void close() {
    try {
      commands.write("exit\n");
      commands.flush();
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
