package dev.paperboy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * What belongs to one node among several serving one database: its name (the holder written into
 * leases and claims) and its own search index.
 *
 * @param name PAPERBOY_NODE; without it, host name, process id and a short random suffix, so two
 *     processes on one machine differ too
 * @param indexDir PAPERBOY_INDEX_DIR; without it (null), {@code index} in the data directory
 */
public record NodeSettings(String name, Path indexDir) {

  public NodeSettings {
    if (name == null || name.isBlank()) {
      name = generatedName();
    }
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException(
          "PAPERBOY_NODE takes letters, digits, '.', '_' and '-' (up to 100), got '" + name + "'");
    }
    indexDir = indexDir == null ? null : indexDir.toAbsolutePath().normalize();
  }

  public static NodeSettings defaults() {
    return new NodeSettings(null, null);
  }

  static NodeSettings resolve(Map<String, String> env) {
    String index = env.get("PAPERBOY_INDEX_DIR");
    return new NodeSettings(
        env.get("PAPERBOY_NODE"), index == null || index.isBlank() ? null : Path.of(index));
  }

  public NodeSettings withIndexDir(Path dir) {
    return new NodeSettings(name, dir);
  }

  private static String generatedName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (UnknownHostException e) {
      host = "node";
    }
    byte[] suffix = new byte[2];
    new SecureRandom().nextBytes(suffix);
    String name =
        host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
    return name.length() <= 100 ? name : name.substring(name.length() - 100);
  }
}
