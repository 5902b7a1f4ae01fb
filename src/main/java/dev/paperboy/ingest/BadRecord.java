package dev.paperboy.ingest;

/** A record that cannot become a paper; the reason is what the import summary groups by. */
final class BadRecord extends Exception {

  BadRecord(String reason) {
    super(reason, null, false, false);
  }
}
