package dev.paperboy.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code backup.properties}: when the backup was taken, what it holds (schema version, papers,
 * accounts, votes, index documents) and the size and SHA-256 of every file, so a restore can tell a
 * whole backup from a damaged or partial one. It is written last: a folder without it is not a
 * finished backup.
 */
record Manifest(
    Instant createdAt,
    int schemaVersion,
    Map<String, Long> rows,
    int indexDocuments,
    String indexId,
    Map<String, FileEntry> files) {

  static final int FORMAT = 1;

  /** One file of the backup, by its path relative to the backup folder. */
  record FileEntry(long size, String sha256) {}

  void write(Path folder) {
    StringBuilder s = new StringBuilder("# Paperboy backup; restore with: paperboy restore DIR\n");
    s.append("format=").append(FORMAT).append('\n');
    s.append("created_at=").append(createdAt).append('\n');
    s.append("schema_version=").append(schemaVersion).append('\n');
    rows.forEach((table, n) -> s.append("rows.").append(table).append('=').append(n).append('\n'));
    s.append("index_documents=").append(indexDocuments).append('\n');
    s.append("index_id=").append(indexId).append('\n');
    new TreeMap<>(files)
        .forEach(
            (name, f) ->
                s.append("file.")
                    .append(name)
                    .append('=')
                    .append(f.size())
                    .append(' ')
                    .append(f.sha256())
                    .append('\n'));
    try {
      Files.writeString(folder.resolve(Layout.MANIFEST), s, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup manifest", e);
    }
  }

  static Manifest read(Path folder) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(Layout.MANIFEST))) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw new BackupException(
          folder + " is not a finished Paperboy backup: it has no " + Layout.MANIFEST);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the backup manifest", e);
    }
    if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
      throw new BackupException(
          "this backup's format is '"
              + p.getProperty("format")
              + "'; this Paperboy reads "
              + FORMAT);
    }
    try {
      Map<String, Long> rows = new LinkedHashMap<>();
      Map<String, FileEntry> files = new TreeMap<>();
      for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
        String value = p.getProperty(key);
        if (key.startsWith("rows.")) {
          rows.put(key.substring(5), Long.parseLong(value));
        } else if (key.startsWith("file.")) {
          String[] parts = value.split(" ");
          files.put(key.substring(5), new FileEntry(Long.parseLong(parts[0]), parts[1]));
        }
      }
      return new Manifest(
          Instant.parse(p.getProperty("created_at")),
          Integer.parseInt(p.getProperty("schema_version")),
          rows,
          Integer.parseInt(p.getProperty("index_documents")),
          p.getProperty("index_id", ""),
          files);
    } catch (RuntimeException e) {
      throw new BackupException("the backup manifest is damaged: " + e.getMessage());
    }
  }

  /** Checks that every listed file is there with its size and checksum. */
  void verify(Path folder) {
    for (Map.Entry<String, FileEntry> e : files.entrySet()) {
      Path file = folder.resolve(e.getKey()).normalize();
      if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
        throw new BackupException("the backup lacks " + e.getKey());
      }
      FileEntry found = entry(file);
      if (!found.equals(e.getValue())) {
        throw new BackupException(
            e.getKey()
                + " differs from the manifest ("
                + found
                + ", expected "
                + e.getValue()
                + ")");
      }
    }
  }

  static FileEntry entry(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
        size += n;
      }
      return new FileEntry(size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
