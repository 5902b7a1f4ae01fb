package dev.paperboy.ingest;

/** A record that cannot become a paper; the reason is what the import summary groups by. */
public final class BadRecord extends Exception {

  public BadRecord(String reason) {
    super(reason, null, false, false);
  }
}
