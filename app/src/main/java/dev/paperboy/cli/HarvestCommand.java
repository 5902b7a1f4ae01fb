package dev.paperboy.cli;

import dev.paperboy.App;
import dev.paperboy.Config;
import dev.paperboy.harvest.ArxivApiSource;
import dev.paperboy.harvest.ArxivBackfill;
import dev.paperboy.harvest.HarvestSource;
import dev.paperboy.harvest.Harvests;
import dev.paperboy.harvest.HfDailyPapersClient;
import dev.paperboy.harvest.HfSource;
import dev.paperboy.harvest.OaiPmhClient;
import dev.paperboy.harvest.OaiSource;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "harvest",
    aliases = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Harvest papers from arXiv and Hugging Face now (the server also does it on its schedule).",
      "A harvest that stops (an error, Ctrl-C, kill -9) resumes from its last committed page when",
      "the same command runs again; a finished one runs again only with --again."
    },
    subcommands = {
      HarvestCommand.Arxiv.class,
      HarvestCommand.Oai.class,
      HarvestCommand.Hf.class,
      HarvestCommand.Backfill.class,
      HarvestCommand.Status.class
    })
public final class HarvestCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println(
        "paperboy harvest: give a subcommand: arxiv, oai, hf, backfill or status (see --help)");
    return 2;
  }

  /** The --endpoint of the commands that ask arXiv's API. */
  static final class ArxivEndpoint {

    @Option(
        names = "--endpoint",
        description = "The arXiv API (default PAPERBOY_ARXIV_API_URL or export.arxiv.org).")
    URI endpoint;

    Config appliedTo(Config config) {
      return endpoint == null ? config : config.withArxivApiUrl(endpoint);
    }
  }

  /** Runs a harvest and turns its outcome into an exit code and a last line. */
  static int harvest(App app, HarvestSource source, boolean again) {
    try {
      Harvests.Harvest h = app.harvests().run(source, again, System.err, () -> {});
      System.out.printf(
          Locale.ROOT,
          "%s %s: %d records in %d %s: %d new, %d updated, %d rejected%n",
          h.source(),
          h.query(),
          h.records(),
          h.pages(),
          h.pages() == 1 ? "page" : "pages",
          h.created(),
          h.updated(),
          h.rejected());
      return h.rejected() > 0 ? 1 : 0;
    } catch (RuntimeException e) {
      System.err.println("paperboy: " + e.getMessage());
      System.err.println(
          "paperboy: the pages before the error are stored; run the same command again to resume");
      return 2;
    }
  }

  @Command(
      name = "arxiv",
      mixinStandardHelpOptions = true,
      description = {
        "Papers submitted to arXiv in some categories over some days, from arXiv's API.",
        "Example: ./paperboy ingest arxiv --categories cs.CL,cs.LG --from 2026-08-17 --until"
            + " 2026-08-21"
      })
  static final class Arxiv implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Option(names = "--categories", required = true, split = ",", description = "cs.CL,cs.LG ...")
    List<String> categories;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "First day.")
    LocalDate from;

    @Option(
        names = "--until",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "Last day.")
    LocalDate until;

    @Option(names = "--again", description = "Harvest again even if this one finished.")
    boolean again;

    @Mixin ArxivEndpoint arxivEndpoint;

    @Override
    public Integer call() {
      Config config = arxivEndpoint.appliedTo(options.toConfig());
      try (App app = Launch.open(config)) {
        HarvestSource source;
        try {
          source = ArxivApiSource.forCategories(app.arxiv(), categories, from, until);
        } catch (IllegalArgumentException e) {
          System.err.println("paperboy: " + e.getMessage());
          return 2;
        }
        return harvest(app, source, again);
      }
    }
  }

  @Command(
      name = "oai",
      mixinStandardHelpOptions = true,
      description = {
        "Every record arXiv's OAI-PMH interface changed in some sets over some",
        "days: new papers, new versions and withdrawals. The way to fill a long",
        "stretch (arXiv's API is slower). Example:",
        "  ./paperboy ingest oai --categories cs.LG --from 2026-08-17 --until 2026-08-21"
      })
  static final class Oai implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Option(
        names = {"--categories", "--sets"},
        split = ",",
        paramLabel = "C",
        description =
            "Categories (cs.LG) or OAI sets (cs:cs:LG); default PAPERBOY_INGEST_CATEGORIES.")
    List<String> categories;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "First day (arXiv's datestamp).")
    LocalDate from;

    @Option(
        names = "--until",
        paramLabel = "YYYY-MM-DD",
        description = "Last day (default: no end).")
    LocalDate until;

    @Option(
        names = "--format",
        defaultValue = "arXivRaw",
        description = "arXivRaw (every version with its time; default) or arXiv.")
    String format;

    @Option(names = "--again", description = "Harvest again even if this one finished.")
    boolean again;

    @Option(
        names = "--endpoint",
        description = "The OAI-PMH interface (default PAPERBOY_OAI_URL or oaipmh.arxiv.org/oai).")
    URI endpoint;

    @Override
    public Integer call() {
      Config config = options.toConfig();
      OaiPmhClient.MetadataFormat metadata =
          switch (format) {
            case "arXivRaw" -> OaiPmhClient.MetadataFormat.ARXIV_RAW;
            case "arXiv" -> OaiPmhClient.MetadataFormat.ARXIV;
            default -> null;
          };
      if (metadata == null) {
        System.err.println("paperboy: --format is arXivRaw or arXiv, not " + format);
        return 2;
      }
      List<String> wanted = categories != null ? categories : config.harvest().categories();
      try (App app = Launch.open(config);
          OaiPmhClient client =
              new OaiPmhClient(
                  OaiPmhClient.defaults()
                      .withEndpoint(endpoint != null ? endpoint : config.harvest().oaiUrl()))) {
        HarvestSource source;
        try {
          source =
              new OaiSource(
                  client, metadata, wanted.stream().map(OaiSource::set).toList(), from, until);
        } catch (IllegalArgumentException e) {
          System.err.println("paperboy: " + e.getMessage());
          return 2;
        }
        return harvest(app, source, again);
      }
    }
  }

  @Command(
      name = "hf",
      mixinStandardHelpOptions = true,
      description = {
        "Hugging Face's Daily Papers of some days, with their upvotes and AI summaries.",
        "Example: ./paperboy ingest hf --date 2026-08-21   (or --from D --until D)"
      })
  static final class Hf implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One day.")
    LocalDate date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of a range.")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day of a range.")
    LocalDate until;

    @Option(names = "--again", description = "Fetch again days already harvested (fresh counts).")
    boolean again;

    @Option(
        names = "--endpoint",
        description = "The daily-papers API (default PAPERBOY_HF_URL or huggingface.co).")
    URI endpoint;

    @Override
    public Integer call() {
      LocalDate first = date != null ? date : from;
      LocalDate last = date != null ? date : until;
      if (first == null || last == null || last.isBefore(first) || (date != null && from != null)) {
        System.err.println("paperboy: give --date D, or --from D --until D with from <= until");
        return 2;
      }
      Config config = options.toConfig();
      try (App app = Launch.open(config);
          HfDailyPapersClient client =
              new HfDailyPapersClient(endpoint != null ? endpoint : config.harvest().hfUrl())) {
        int worst = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
          worst = Math.max(worst, harvest(app, new HfSource(client, d, null), again));
          if (worst == 2) {
            break;
          }
        }
        return worst;
      }
    }
  }

  @Command(
      name = "backfill",
      mixinStandardHelpOptions = true,
      description = {
        "Categories, and whatever else is missing, of stored papers that have none (Hugging",
        "Face's daily papers come without them), from arXiv's API by id, 100 per request, the",
        "newest day first. The server does a round of this at every harvest tick. Papers arXiv",
        "does not know are asked about again a week later. Example: ./paperboy harvest backfill"
      })
  static final class Backfill implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Mixin ArxivEndpoint arxivEndpoint;

    @Override
    public Integer call() {
      Config config = arxivEndpoint.appliedTo(options.toConfig());
      try (App app = Launch.open(config)) {
        ArxivBackfill source = ArxivBackfill.untilDone(app.arxiv(), app.papers(), app.clock());
        if (!source.due()) {
          System.out.println("every paper has its categories (or arXiv did not know it lately)");
          return 0;
        }
        return harvest(app, source, true);
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Every harvest: where it stands, its counts and its last error.")
  static final class Status implements Callable<Integer> {

    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      try (App app = Launch.open(options.toConfig())) {
        List<Harvests.Harvest> all = app.harvests().all();
        if (all.isEmpty()) {
          System.out.println("no harvests yet");
        }
        for (Harvests.Harvest h : all) {
          System.out.printf(
              Locale.ROOT,
              "%-9s %-8s %s%n          %d pages, %d records (%d new, %d updated, %d rejected);"
                  + " started %s, last page %s%s%s%n",
              h.source(),
              h.state(),
              h.query(),
              h.pages(),
              h.records(),
              h.created(),
              h.updated(),
              h.rejected(),
              h.startedAt(),
              h.updatedAt(),
              h.done() ? "" : h.cursor() == null ? "" : ", next page at " + h.cursor(),
              h.lastError() == null ? "" : "\n          last error: " + h.lastError());
        }
        return 0;
      }
    }
  }
}
