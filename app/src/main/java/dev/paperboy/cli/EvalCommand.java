package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.SearchSettings;
import dev.paperboy.eval.Evaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search quality on a BEIR collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv):",
      "nDCG@10, Recall@100 and MRR@10 per mode (keyword, semantic, hybrid)."
    })
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, description = "The BEIR collection's directory.")
  Path corpus;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "The qrels split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--model",
      defaultValue = "bge-small-en-v1.5-q",
      description =
          "Embedding model: bge-small-en-v1.5-q, all-minilm-l6-v2-q or none (default"
              + " ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--work-dir",
      description =
          "Where the evaluation's database, index and vectors live; reused to skip re-embedding"
              + " (default: data/eval/<collection>-<model>).")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    Path dir =
        workDir != null ? workDir : Path.of("data", "eval", corpus.getFileName() + "-" + model);
    long started = System.nanoTime();
    // PAPERBOY_SEARCH=solr with PAPERBOY_SOLR_ZK measures a SolrCloud collection instead
    SearchSettings engine = Config.resolve(null, 0, dir, System.getenv()).search();
    var rows = Evaluation.run(corpus, split, model, dir, engine, System.err);
    System.out.println(Evaluation.table(model, rows));
    System.out.printf(
        "(%.0f s including indexing and any embedding)%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
