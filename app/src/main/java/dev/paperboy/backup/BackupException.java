package dev.paperboy.backup;

/** A backup or restore that cannot go on, with a message that says why and what to do. */
public final class BackupException extends RuntimeException {

  public BackupException(String message) {
    super(message);
  }
}
