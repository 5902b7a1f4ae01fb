package dev.paperboy.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A throwaway cluster for trying and testing Paperboy's cluster mode on one machine: real Solr
 * nodes with an embedded ZooKeeper and, with {@code --postgres}, a real PostgreSQL server. It
 * prints what it started on standard output, one {@code key value} line each, then {@code ready},
 * and takes commands on standard input:
 *
 * <pre>
 *   stop N     stop Solr node N (0-based); its replicas go down, the rest answer
 *   start N    start Solr node N again (either does nothing when the node is so already)
 *   exit       shut everything down (so does the end of standard input: the parent went away)
 * </pre>
 *
 * <p>Usage: {@code Launcher --dir DIR [--solr-nodes 2] [--postgres] [--postgres-port P]}.
 */
public final class Launcher {

  private final MiniSolrCloudCluster solr;

  /** The nodes by number as started (the cluster's own list forgets stopped ones). */
  private final List<JettySolrRunner> nodes;

  private final EmbeddedPostgres postgres;
  private final PrintStream out;

  private Launcher(MiniSolrCloudCluster solr, EmbeddedPostgres postgres, PrintStream out) {
    this.solr = solr;
    this.nodes = List.copyOf(solr.getJettySolrRunners());
    this.postgres = postgres;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path dir = null;
    int nodes = 2;
    boolean withPostgres = false;
    int postgresPort = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(value(args, ++i));
        case "--solr-nodes" -> nodes = Integer.parseInt(value(args, ++i));
        case "--postgres" -> withPostgres = true;
        case "--postgres-port" -> postgresPort = Integer.parseInt(value(args, ++i));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (dir == null || nodes < 1) {
      usage("--dir is required and --solr-nodes must be >= 1");
    }
    // Solr's own logging is for Solr's developers; ours goes to standard error
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Files.createDirectories(dir);

    EmbeddedPostgres postgres = null;
    if (withPostgres) {
      EmbeddedPostgres.Builder b =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("postgres"))
              .setCleanDataDirectory(false);
      if (postgresPort > 0) {
        b.setPort(postgresPort);
      }
      postgres = b.start();
      out.println("postgres " + postgres.getJdbcUrl("postgres", "postgres"));
    }
    MiniSolrCloudCluster solr =
        new MiniSolrCloudCluster(
            nodes,
            dir.resolve("solr"),
            MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
            JettyConfig.builder().build());
    out.println("zookeeper " + solr.getZkServer().getZkAddress());
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner j : solr.getJettySolrRunners()) {
      urls.add(j.getBaseUrl().toString());
    }
    out.println("solr " + String.join(",", urls));
    out.println("ready");
    new Launcher(solr, postgres, out).serve();
  }

  private void serve() throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.strip().toLowerCase(Locale.ROOT).split("\\s+");
        try {
          switch (words[0]) {
            case "stop" -> {
              JettySolrRunner j = node(words);
              if (j.isRunning()) {
                solr.stopJettySolrRunner(j);
                solr.waitForJettyToStop(j);
              }
              out.println("stopped " + words[1]);
            }
            case "start" -> {
              JettySolrRunner j = node(words);
              if (!j.isRunning()) {
                solr.startJettySolrRunner(j, true);
                solr.waitForNode(j, 60);
              }
              out.println("started " + words[1] + " " + j.getBaseUrl());
            }
            case "exit" -> {
              return;
            }
            case "" -> {}
            default -> out.println("error unknown command: " + line);
          }
        } catch (RuntimeException e) {
          out.println("error " + e.getMessage());
        }
      }
    } finally {
      shutdown();
    }
  }

  private JettySolrRunner node(String[] words) {
    if (words.length != 2) {
      throw new IllegalArgumentException("say which node: stop N or start N");
    }
    int n = Integer.parseInt(words[1]);
    if (n < 0 || n >= nodes.size()) {
      throw new IllegalArgumentException("no Solr node " + n);
    }
    return nodes.get(n);
  }

  private void shutdown() throws Exception {
    try {
      solr.shutdown();
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      out.println("stopped");
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("launcher: " + problem);
    System.err.println(
        "usage: Launcher --dir DIR [--solr-nodes N] [--postgres] [--postgres-port PORT]");
    System.exit(2);
  }
}
