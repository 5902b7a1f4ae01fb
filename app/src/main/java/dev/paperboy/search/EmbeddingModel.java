package dev.paperboy.search;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured embedding model, loaded once on first use (it takes a second or two) and shared by
 * queries and the embedding backlog. A model that cannot load turns search by meaning off and says
 * why.
 */
public final class EmbeddingModel implements AutoCloseable {

  /** The model name that turns the semantic side off. */
  public static final String NONE = "none";

  private static final Logger log = LoggerFactory.getLogger(EmbeddingModel.class);

  private final String name;
  private volatile Embedder embedder;
  private volatile String problem;

  public EmbeddingModel(String name) {
    this.name = name;
    if (NONE.equals(name)) {
      problem = "no embedding model is configured";
    }
  }

  public String name() {
    return name;
  }

  /** Whether a model is configured at all (it may still fail to load). */
  public boolean configured() {
    return !NONE.equals(name);
  }

  /** The model, loading it now if need be; empty when there is none or it could not load. */
  public synchronized Optional<Embedder> load() {
    if (embedder == null && problem == null) {
      try {
        long started = System.nanoTime();
        embedder = OnnxEmbedders.load(name);
        log.info(
            "Embedding model {} loaded in {} ms", name, (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException | LinkageError e) {
        problem = "the embedding model " + name + " could not load: " + e.getMessage();
        log.warn("Semantic search is off: {}", problem);
      }
    }
    return Optional.ofNullable(embedder);
  }

  /** The model if it has loaded already; never waits for it. */
  public Optional<Embedder> loaded() {
    return Optional.ofNullable(embedder);
  }

  /** Why there is no model, or null while it may still load. */
  public String problem() {
    return problem;
  }

  @Override
  public void close() {
    Embedder e = embedder;
    if (e != null) {
      e.close();
    }
  }
}
