package dev.paperboy.storage;

import dev.paperboy.storage.DatabaseCopy.Table;
import java.util.List;

/** The schema's tables as a whole-database copy needs them. */
public final class Schema {

  private Schema() {}

  /**
   * Every table that holds an instance's data, parents before the tables that refer to them, with
   * its primary key. Left out: {@code schema_version} (each database migrates itself) and the
   * embedding claims (work in progress, taken up again by whichever node embeds next) and the
   * author backfill's marker (each database lists its own). The change log and the index watermarks
   * are copied as they are, so an index that follows the source can go on following the copy.
   */
  public static final List<Table> TABLES =
      List.of(
          new Table("papers", List.of("id")),
          new Table("paper_authors", List.of("paper_id", "position")),
          new Table("paper_vectors", List.of("id", "model")),
          new Table("paper_changes", List.of("seq")),
          new Table("index_watermarks", List.of("index_id")),
          new Table("users", List.of("id")),
          new Table("sessions", List.of("token_hash")),
          new Table("votes", List.of("user_id", "paper_id")),
          new Table("submissions", List.of("paper_id")),
          new Table("submission_requests", List.of("id")),
          new Table("comments", List.of("id")),
          new Table("collections", List.of("id")),
          new Table("collection_papers", List.of("collection_id", "paper_id")),
          new Table("moderation_log", List.of("id")),
          new Table("subscriptions", List.of("id")),
          new Table("outbox", List.of("id")),
          new Table("digest_runs", List.of("period")),
          new Table("harvests", List.of("id")),
          new Table("pending_signups", List.of("id")));
}
