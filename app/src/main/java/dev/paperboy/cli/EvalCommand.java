package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.SearchSettings;
import dev.paperboy.eval.DevSets;
import dev.paperboy.eval.Evaluation;
import dev.paperboy.eval.ForYouEvaluation;
import dev.paperboy.eval.QualitySlices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search quality on a BEIR collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv):",
      "nDCG@10, Recall@100 and MRR@10 per mode (keyword, semantic, hybrid).",
      "With --suite: every query set (keyphrases, author names, CS titles, SciFact claims), dev"
          + " and",
      "held-out parts, in one table; the dev sets are built from --data on the first run.",
      "With --for-you: the \"For you\" ranking on readers simulated from --data's Hugging Face"
          + " keywords and organisations (learn from month M, rank month M+1), P@10 and nDCG@10"
          + " against trending, nearest neighbours and arxiv-sanity-lite's SVM."
    })
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--corpus", description = "The BEIR collection's directory.")
  Path corpus;

  @Option(
      names = "--suite",
      description = "Run every query set of the suite (see --devsets, --data, --scifact).")
  boolean suite;

  @Option(
      names = "--for-you",
      description = "Measure the For-you ranking (see --data, --from, --tune, --work-dir).")
  boolean forYou;

  @Option(
      names = "--from",
      defaultValue = "2025-06",
      description = "With --for-you: the first month (YYYY-MM) read (default ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--to",
      description = "With --for-you: the last month (YYYY-MM) read (default: the newest).")
  String to;

  @Option(
      names = "--tune",
      description = "With --for-you: also score variants of ours on the dev readers.")
  boolean tune;

  @Option(
      names = "--export-slices",
      description =
          "With --suite: write the quality gate's small slices of every query set (with their"
              + " vectors) to this directory (the tests' src/test/resources/quality).")
  Path exportSlices;

  @Option(
      names = "--devsets",
      defaultValue = "data/devsets",
      description = "Where the suite's dev collections are (built there when missing).")
  Path devSets;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      description = "The recorded data the dev collections are built from.")
  Path data;

  @Option(
      names = "--scifact",
      defaultValue = "../shared/bench/scifact",
      description = "SciFact in BEIR layout, the suite's claims set.")
  Path scifact;

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
    if (suite) {
      return suite();
    }
    if (forYou) {
      long started = System.nanoTime();
      Path dir = workDir != null ? workDir : Path.of("data", "eval", "for-you-" + model);
      System.out.print(
          ForYouEvaluation.run(
              data,
              model,
              dir,
              YearMonth.parse(from),
              to == null ? null : YearMonth.parse(to),
              tune,
              System.err));
      System.out.printf("(%.0f s including any embedding)%n", (System.nanoTime() - started) / 1e9);
      return 0;
    }
    if (corpus == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give --corpus DIR, or --suite");
    }
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

  private int suite() throws Exception {
    long started = System.nanoTime();
    if (!Files.exists(devSets.resolve(DevSets.ML).resolve("corpus.jsonl"))) {
      DevSets.build(data, devSets, System.err);
    }
    Path dir = workDir != null ? workDir : Path.of("data", "eval", "suite-" + model);
    if (exportSlices != null) {
      QualitySlices.export(devSets, scifact, model, dir, exportSlices, System.err);
      return 0;
    }
    SearchSettings engine = Config.resolve(null, 0, dir, System.getenv()).search();
    var rows = Evaluation.suite(devSets, scifact, model, dir, engine, System.err);
    System.out.println(Evaluation.suiteTable(model, rows));
    System.out.printf(
        "(%.0f s including indexing and any embedding)%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
