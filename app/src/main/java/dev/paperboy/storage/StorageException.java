package dev.paperboy.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A database operation that failed; says whether it was a conflict or the database being away. */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether another writer got there first (a unique key taken between this request's check and its
   * insert, which PostgreSQL's concurrent transactions allow): worth a retry, not a bug.
   */
  public boolean conflict() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException e
          && ("23505".equals(e.getSQLState())
              || (e.getErrorCode() == 19 && String.valueOf(e.getMessage()).contains("UNIQUE")))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the database could not be reached (a server restarting, say). */
  public boolean unavailable() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || (t instanceof SQLException e
              && e.getSQLState() != null
              && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P")))) {
        return true;
      }
    }
    return false;
  }
}
