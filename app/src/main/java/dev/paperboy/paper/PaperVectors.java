package dev.paperboy.paper;

import dev.paperboy.storage.Database;
import dev.paperboy.storage.Sql;
import dev.paperboy.storage.StorageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

  /** Rounds of claiming a node tries when other nodes took every paper it picked. */
  private static final int CLAIM_ATTEMPTS = 5;

  private final Database db;

  public PaperVectors(Database db) {
    this.db = db;
  }

  /**
   * Claims up to {@code limit} papers without a vector for the model that no other node is
   * embedding (newest day first) and returns their ids. A claim lapses after {@code lapse}, so the
   * backlog of a node that died is taken over; {@link #save} ends the claims it fulfils.
   */
  public List<String> claimMissing(String model, String node, int limit, Duration lapse) {
    Instant now = Instant.now();
    return db.transaction(
        c -> {
          Sql.update(
              c,
              "DELETE FROM embedding_claims WHERE model = ? AND claimed_at < ?",
              model,
              now.minus(lapse).toString());
          List<String> claimed = new ArrayList<>();
          // a node that picked the same papers first keeps them (on PostgreSQL this insert waits
          // for its commit, then inserts nothing): look again past its claims, a few times
          for (int attempt = 0; attempt < CLAIM_ATTEMPTS && claimed.isEmpty(); attempt++) {
            List<String> candidates =
                Sql.list(
                    c,
                    "SELECT p.id FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_vectors v"
                        + " WHERE v.id = p.id AND v.model = ?) AND NOT EXISTS (SELECT 1 FROM"
                        + " embedding_claims e WHERE e.paper_id = p.id AND e.model = ?)"
                        + " ORDER BY COALESCE(p.daily_date, '') DESC, p.id LIMIT ?",
                    rs -> rs.getString(1),
                    model,
                    model,
                    limit);
            if (candidates.isEmpty()) {
              break;
            }
            for (String id : candidates) {
              if (Sql.update(
                      c,
                      "INSERT INTO embedding_claims (paper_id, model, node, claimed_at) VALUES"
                          + " (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      id,
                      model,
                      node,
                      now.toString())
                  == 1) {
                claimed.add(id);
              }
            }
          }
          return claimed;
        });
  }

  /** Gives up claims on papers this node will not embed after all (it is stopping). */
  public void release(String model, List<String> ids) {
    db.transaction(
        c -> {
          for (String id : ids) {
            Sql.update(
                c, "DELETE FROM embedding_claims WHERE paper_id = ? AND model = ?", id, model);
          }
          return null;
        });
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

  /** Stores the vectors and logs the change, so every node's index picks them up. */
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
        try (PreparedStatement done =
            c.prepareStatement("DELETE FROM embedding_claims WHERE paper_id = ? AND model = ?")) {
          for (String id : vectors.keySet()) {
            done.setString(1, id);
            done.setString(2, model);
            done.addBatch();
          }
          done.executeBatch();
        }
        PaperChanges.record(c, vectors.keySet());
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
