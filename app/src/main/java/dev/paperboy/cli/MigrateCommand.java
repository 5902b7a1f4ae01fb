package dev.paperboy.cli;

import dev.paperboy.Config;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.DatabaseCopy;
import dev.paperboy.storage.Schema;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy this instance's database (every table, vectors included) into another database, such"
          + " as PostgreSQL for several nodes, then verify row counts and checksums.",
      "Safe to run again: it goes on where it stopped and brings copied rows up to date. Stop"
          + " the server first for a copy that matches to the row.",
      "The target's user and password come from PAPERBOY_DATABASE_USER and"
          + " PAPERBOY_DATABASE_PASSWORD."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "JDBC_URL",
      description = "The target, e.g. jdbc:postgresql://db.example.org:5432/paperboy")
  String target;

  @Override
  public Integer call() {
    Config config = options.toConfig();
    try (Database from = Database.open(config.databaseFile());
        Database to =
            Database.open(target, config.database().user(), config.database().password())) {
      System.err.printf(
          Locale.ROOT,
          "migrate: %s -> %s (schema brought up to date)%n",
          from.describe(),
          to.describe());
      DatabaseCopy copy = new DatabaseCopy(from, to, System.err);
      long started = System.nanoTime();
      copy.copy(Schema.TABLES);
      List<DatabaseCopy.Verified> checks = copy.verify(Schema.TABLES);
      boolean ok = true;
      for (DatabaseCopy.Verified v : checks) {
        ok &= v.ok();
        System.out.printf(
            Locale.ROOT,
            "%-20s %,10d rows  %,10d copied  %s%n",
            v.table(),
            v.sourceRows(),
            v.targetRows(),
            v.ok() ? "ok" : v.sameChecksum() ? "COUNTS DIFFER" : "CHECKSUMS DIFFER");
      }
      System.out.printf(
          Locale.ROOT,
          "%s in %.1f s%n",
          ok ? "Migrated and verified" : "Migrated, but the copy differs (was the server running?)",
          (System.nanoTime() - started) / 1e9);
      return ok ? 0 : 1;
    }
  }
}
