package dev.paperboy.thumbnail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's copies of the papers' thumbnails, in a folder of its data directory, no larger in all
 * than a cap: storing past it removes the least recently used images first. A file is named {@code
 * <paper id>.<content hash>.<extension>} (a slash in an old-style id becomes {@code _}), so the
 * folder alone says what is cached, and its modification time is when it was last used, so the
 * order survives a restart.
 */
public final class ThumbnailCache {

  /** A cached image; {@code tag} is a hash of its bytes, for ETags. */
  public record Entry(String id, ImageType type, long size, String tag, Path file, Instant used) {}

  private static final Logger log = LoggerFactory.getLogger(ThumbnailCache.class);

  /** How stale a use may be before it is written to the file's time again. */
  static final Duration TOUCH_EVERY = Duration.ofHours(1);

  private final Path dir;
  private final long cap;
  private final InstantSource clock;
  // least recently used first (a use moves an entry to the end); guarded by this
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private long total; // guarded by this

  /** Opens (or makes) the folder, forgets half-written files and trims it to {@code cap} bytes. */
  public ThumbnailCache(Path dir, long cap, InstantSource clock) {
    this.dir = dir;
    this.cap = cap;
    this.clock = clock;
    List<Entry> found = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path f : files) {
          if (f.getFileName().toString().endsWith(".tmp")) {
            Files.deleteIfExists(f);
          } else {
            parse(f).ifPresent(found::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the thumbnail cache " + dir, e);
    }
    found.sort(java.util.Comparator.comparing(Entry::used).thenComparing(Entry::id));
    synchronized (this) {
      for (Entry e : found) {
        Entry old = entries.put(e.id(), e);
        total += e.size() - (old == null ? 0 : old.size());
        if (old != null) {
          delete(old); // two copies of one paper's image: the older goes
        }
      }
      evictPast(cap, null);
    }
  }

  /** The cached image of the paper, without counting as a use. */
  public synchronized Optional<Entry> find(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /**
   * The cached image's bytes, counting as a use; empty when there is none (or it was just evicted).
   */
  public Optional<byte[]> read(Entry entry) {
    try {
      byte[] bytes = Files.readAllBytes(entry.file());
      touch(entry);
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entry.file(), e);
    }
  }

  /**
   * Stores the paper's image, replacing any earlier one, and evicts the least recently used others
   * until the cache fits its cap; an image larger than the whole cap is not stored.
   *
   * @return whether it was stored
   */
  public boolean put(String id, ImageType type, byte[] bytes) {
    if (bytes.length > cap) {
      return false;
    }
    String tag = tag(bytes);
    Path file = dir.resolve(id.replace('/', '_') + "." + tag + "." + type.extension());
    try {
      Path tmp = Files.createTempFile(dir, "incoming", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the thumbnail of " + id + " in " + dir, e);
    }
    Instant now = clock.instant();
    setTime(file, now);
    Entry entry = new Entry(id, type, bytes.length, tag, file, now);
    synchronized (this) {
      Entry old = entries.remove(id);
      entries.put(id, entry);
      total += bytes.length;
      if (old != null) {
        total -= old.size();
        if (!old.file().equals(file)) {
          delete(old);
        }
      }
      evictPast(cap, id);
    }
    return true;
  }

  /**
   * Counts these images as just used, in this order (the last is the most recent), in memory only:
   * what the fetcher does at the end of a run with the newest papers' images it saw.
   */
  public synchronized void used(List<String> ids) {
    for (String id : ids) {
      Entry e = entries.remove(id);
      if (e != null) {
        entries.put(id, e);
      }
    }
  }

  /** The bytes all cached images take. */
  public synchronized long size() {
    return total;
  }

  public long cap() {
    return cap;
  }

  /** How many images are cached. */
  public synchronized int count() {
    return entries.size();
  }

  private void touch(Entry entry) {
    Instant now = clock.instant();
    boolean stale = Duration.between(entry.used(), now).compareTo(TOUCH_EVERY) >= 0;
    if (stale) {
      setTime(entry.file(), now);
    }
    synchronized (this) {
      Entry current = entries.remove(entry.id());
      if (current != null) {
        entries.put(
            entry.id(),
            stale && current.file().equals(entry.file())
                ? new Entry(entry.id(), entry.type(), entry.size(), entry.tag(), entry.file(), now)
                : current);
      }
    }
  }

  /** Removes the least recently used entries, never {@code keep}, until the total fits. */
  private void evictPast(long limit, String keep) {
    Iterator<Entry> oldestFirst = entries.values().iterator();
    while (total > limit && oldestFirst.hasNext()) {
      Entry e = oldestFirst.next();
      if (e.id().equals(keep)) {
        continue;
      }
      oldestFirst.remove();
      total -= e.size();
      delete(e);
    }
  }

  private static void delete(Entry e) {
    try {
      Files.deleteIfExists(e.file());
    } catch (IOException ex) {
      log.warn("Cannot remove the cached thumbnail {}: {}", e.file(), ex.getMessage());
    }
  }

  private static void setTime(Path file, Instant at) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(at));
    } catch (IOException e) {
      log.debug("Cannot mark {} as used: {}", file, e.getMessage());
    }
  }

  /** An entry for a file named as this cache names them, or empty for any other file. */
  private static Optional<Entry> parse(Path file) throws IOException {
    String name = file.getFileName().toString();
    int ext = name.lastIndexOf('.');
    int tag = ext < 0 ? -1 : name.lastIndexOf('.', ext - 1);
    if (tag <= 0) {
      return Optional.empty();
    }
    Optional<ImageType> type = ImageType.ofExtension(name.substring(ext + 1));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            name.substring(0, tag).replace('_', '/'),
            type.get(),
            Files.size(file),
            name.substring(tag + 1, ext),
            file,
            Files.getLastModifiedTime(file).toInstant()));
  }

  private static String tag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
