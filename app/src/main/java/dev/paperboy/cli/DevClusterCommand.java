package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.DatabaseSettings;
import dev.paperboy.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "dev-cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Try cluster mode on one machine: start PostgreSQL and a SolrCloud of two Solr nodes with",
      "ZooKeeper (real servers from Maven jars, in a child process), import the demo papers on",
      "the first run, and serve Paperboy on them. It prints the settings that point more",
      "Paperboy nodes at the same cluster. Data stays in DATA_DIR/dev-cluster; Ctrl-C stops it",
      "all. For production, run PostgreSQL and SolrCloud yourself (see the README)."
    })
public final class DevClusterCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(
      names = "--solr-nodes",
      defaultValue = "2",
      description = "Solr nodes to start (default ${DEFAULT-VALUE}).")
  int solrNodes;

  @Option(
      names = "--demo-dir",
      description = "Demo data to import on the first run (default: demo/ beside the launcher).")
  Path demoDir;

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    if (solrNodes < 1 || solrNodes > 4) {
      System.err.println("paperboy: --solr-nodes takes 1 to 4");
      return 2;
    }
    Config base = options.toConfig();
    LocalCluster cluster =
        LocalCluster.start(base.dataDir().resolve("dev-cluster"), solrNodes, true, System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "dev-cluster-shutdown"));
    LocalCluster.Addresses at = cluster.addresses();
    SearchSettings solr =
        SearchSettings.solr(at.zookeeper()).withLayout(solrNodes, Math.min(2, solrNodes));
    Config config =
        base.withDatabase(new DatabaseSettings(at.postgresUrl(), null, null)).withSearch(solr);
    System.err.printf(
        "%nCluster mode on this machine. More Paperboy nodes join it with:%n"
            + "  PAPERBOY_DATABASE_URL='%s' PAPERBOY_SEARCH=solr PAPERBOY_SOLR_ZK=%s"
            + " ./paperboy serve --port 8081 --data-dir data/node2%n%n",
        at.postgresUrl(), at.zookeeper());
    App app = Launch.open(config);
    Path dir = demoDir != null ? demoDir : DemoCommand.defaultDemoDir();
    if (Files.isDirectory(dir)) {
      DemoCommand.importIfEmpty(app, dir);
    }
    ServeCommand.serveUntilStopped(app, started);
    return 0;
  }
}
