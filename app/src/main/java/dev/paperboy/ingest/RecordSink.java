package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;

/** Where a parser delivers what it reads: good papers, and bad records with their location. */
public interface RecordSink {

  /** A paper read at {@code location} (file:line or file#item). */
  void accept(Paper paper, String location);

  /** A record that could not be used; {@code location} is file:line or file#item. */
  void reject(String reason, String location);
}
