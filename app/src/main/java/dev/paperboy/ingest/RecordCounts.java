package dev.paperboy.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of the records a process has read, created, updated and rejected, over every
 * import or harvest it ran; what its metrics report. Safe to add to from several threads.
 */
public final class RecordCounts {

  private final LongAdder read = new LongAdder();
  private final LongAdder created = new LongAdder();
  private final LongAdder updated = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  /** Adds a committed batch: records read (rejected ones included) and what became of them. */
  public void add(long read, long created, long updated, long rejected) {
    this.read.add(read);
    this.created.add(created);
    this.updated.add(updated);
    this.rejected.add(rejected);
  }

  public long read() {
    return read.sum();
  }

  public long created() {
    return created.sum();
  }

  public long updated() {
    return updated.sum();
  }

  public long rejected() {
    return rejected.sum();
  }
}
