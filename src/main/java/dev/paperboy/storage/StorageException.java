package dev.paperboy.storage;

/** A database failure, with the statement or file it concerns in the message. */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
