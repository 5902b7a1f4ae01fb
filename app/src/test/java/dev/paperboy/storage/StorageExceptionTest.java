package dev.paperboy.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that loses a race for a unique key is told apart from a bug (the web answers 409), and a
 * database out of reach from both (503).
 */
class StorageExceptionTest {

  @TempDir Path dir;

  @Test
  void aTakenUniqueKeyIsAConflict() {
    try (Database db = TestDatabases.open(dir)) {
      String insert =
          "INSERT INTO users (email, display_name, password_hash, created_at)"
              + " VALUES ('ada@example.org', 'Ada', 'x', '2026-08-21T18:00:00Z')";
      db.transaction(c -> Sql.update(c, insert));
      StorageException e =
          assertThrows(StorageException.class, () -> db.transaction(c -> Sql.update(c, insert)));
      assertTrue(e.conflict(), e::getMessage);
      assertFalse(e.unavailable());
    }
  }

  @Test
  void aServerOutOfReachIsUnavailable() {
    StorageException e =
        assertThrows(
            StorageException.class,
            () -> Database.open("jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2", "x", null));
    assertTrue(e.unavailable(), e::getMessage);
    assertFalse(e.conflict());
    assertTrue(e.getMessage().contains("127.0.0.1:9/none"), e.getMessage());
  }
}
