package dev.paperboy.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every node signs with the key in the database; a key file from before is adopted into it. */
class SecretTest {

  @TempDir Path dir;

  @Test
  void twoNodesWithoutAKeyFileShareTheFirstOnesKey() {
    try (Database a = TestDatabases.open(dir);
        Database b = TestDatabases.open(dir)) {
      Secret first = Secret.shared(a, dir.resolve("a/secret.key"));
      Secret second = Secret.shared(b, dir.resolve("b/secret.key"));
      assertTrue(second.verify("csrf:42", first.sign("csrf:42")));
      assertFalse(Files.exists(dir.resolve("a/secret.key")), "no file is written any more");
    }
  }

  @Test
  void anExistingKeyFileIsAdoptedSoOldSignaturesStillVerify() throws Exception {
    Path file = dir.resolve("secret.key");
    String signedBefore = Secret.load(file).sign("unsubscribe:7");
    try (Database db = TestDatabases.open(dir)) {
      assertTrue(Secret.shared(db, file).verify("unsubscribe:7", signedBefore));
      Files.delete(file);
      assertTrue(
          Secret.shared(db, file).verify("unsubscribe:7", signedBefore),
          "the database keeps it once adopted");
      long keys =
          db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM secrets WHERE name = 'signing-key'"));
      assertEquals(1, keys);
    }
  }

  @Test
  void aSecondNodesOwnOldKeyFileDoesNotReplaceTheSharedKey() throws Exception {
    try (Database a = TestDatabases.open(dir);
        Database b = TestDatabases.open(dir)) {
      Secret shared = Secret.shared(a, dir.resolve("a/secret.key"));
      Path own = dir.resolve("b/secret.key");
      Files.createDirectories(own.getParent());
      Secret.load(own);
      assertTrue(Secret.shared(b, own).verify("x", shared.sign("x")));
    }
  }
}
