package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.StorageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedding vectors per paper and model, kept in the database so the search index can be rebuilt
 * without embedding everything again.
 */
public final class PaperVectors {

  private final Database db;

  public PaperVectors(Database db) {
    this.db = db;
  }

  /**
   * The ids of up to {@code limit} papers that have no vector for the model yet, newest day first.
   * One call scans the papers once, so callers take a few thousand at a time.
   */
  public List<String> missing(String model, int limit) {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.id FROM papers p LEFT JOIN paper_vectors v ON v.id = p.id AND v.model = ?"
                    + " WHERE v.id IS NULL ORDER BY p.daily_date DESC, p.id LIMIT ?")) {
      ps.setString(1, model);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StorageException("finding papers without vectors failed: " + e, e);
    }
    return ids;
  }

  public int count(String model) {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM paper_vectors WHERE model = ?")) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StorageException("counting vectors failed: " + e, e);
    }
  }

  public void save(String model, Map<String, float[]> vectors) {
    String now = Instant.now().toString();
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO paper_vectors(id, model, vector, embedded_at) VALUES (?,?,?,?)"
                  + " ON CONFLICT(id, model) DO UPDATE SET vector = excluded.vector,"
                  + " embedded_at = excluded.embedded_at")) {
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, model);
          ps.setBytes(3, bytes(e.getValue()));
          ps.setString(4, now);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("saving " + vectors.size() + " vectors failed: " + e, e);
    }
  }

  /** The stored vectors of these papers for the model; papers without one are absent. */
  public Map<String, float[]> find(String model, Collection<String> ids) {
    Map<String, float[]> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<String> list = List.copyOf(ids);
    try (Connection c = db.connection()) {
      for (int i = 0; i < list.size(); i += 500) {
        List<String> chunk = list.subList(i, Math.min(list.size(), i + 500));
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, vector FROM paper_vectors WHERE model = ? AND id IN (" + marks + ")")) {
          ps.setString(1, model);
          for (int j = 0; j < chunk.size(); j++) {
            ps.setString(j + 2, chunk.get(j));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), floats(rs.getBytes(2)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StorageException("reading vectors failed: " + e, e);
    }
    return out;
  }

  static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] floats(byte[] bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
