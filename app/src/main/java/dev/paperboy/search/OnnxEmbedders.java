package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentence-embedding models that ship inside Maven artifacts (the ONNX files langchain4j
 * packages), run directly on ONNX Runtime: no download at run time, and we choose truncation and
 * threads. Texts are cut at {@link #MAX_TOKENS}, the models' own limit, which nearly every abstract
 * fits. On SciFact train this scores the same as langchain4j's wrapper (bge semantic nDCG@10
 * 0.7373) and embeds ~1.4x faster; cutting at 256 tokens was only ~7% faster on arXiv abstracts and
 * lost 0.003-0.005 nDCG@10.
 */
public final class OnnxEmbedders {

  public static final String BGE_SMALL_Q = "bge-small-en-v1.5-q";
  public static final String MINILM_Q = "all-minilm-l6-v2-q";
  public static final List<String> NAMES = List.of(BGE_SMALL_Q, MINILM_Q);

  /** Tokens per text, special tokens included (BERT's position limit). */
  static final int MAX_TOKENS = 512;

  /**
   * Texts run together at most (system property {@code paperboy.embed.batch}). One by default: on 2
   * cores, length-sorted batches of 4 to 32 arXiv abstracts embedded 0.99-1.12x as fast as one at a
   * time, and since the quantized models scale their activations over the whole batch, a text's
   * vector then depends a little on its neighbours (cosine to its lone vector down to 0.9967).
   * {@code paperboy bench} measures both ways on the data at hand.
   */
  static final int MAX_BATCH = Math.max(1, Integer.getInteger("paperboy.embed.batch", 1));

  /** Padded tokens in one run at most ({@code paperboy.embed.tokens}): long texts batch less. */
  static final int TOKENS_PER_BATCH = Integer.getInteger("paperboy.embed.tokens", 2048);

  private static final String BGE_QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  private OnnxEmbedders() {}

  /** Loads the named model; throws {@link IllegalArgumentException} for an unknown name. */
  public static Embedder load(String name) {
    return switch (name) {
      case BGE_SMALL_Q -> new Model(name, Pooling.CLS, BGE_QUERY_PREFIX, MAX_TOKENS);
      case MINILM_Q -> new Model(name, Pooling.MEAN, "", MAX_TOKENS);
      default ->
          throw new IllegalArgumentException(
              "unknown embedding model '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }

  /** How token vectors become one text vector: the first ([CLS]) token, or the mean of all. */
  private enum Pooling {
    CLS,
    MEAN
  }

  private static final class Model implements Embedder {

    private final String name;
    private final Pooling pooling;
    private final String queryPrefix;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final int dimension;

    Model(String name, Pooling pooling, String queryPrefix, int maxTokens) {
      this.name = name;
      this.pooling = pooling;
      this.queryPrefix = queryPrefix;
      try (InputStream tokens = resource(name + "-tokenizer.json");
          InputStream onnx = resource(name + ".onnx");
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        tokenizer =
            HuggingFaceTokenizer.newInstance(
                tokens,
                Map.of(
                    "truncation", "true",
                    "maxLength", Integer.toString(maxTokens),
                    "padding", "false"));
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnx.readAllBytes(), options);
        takesTokenTypes = session.getInputNames().contains("token_type_ids");
        dimension = embed("dimension probe").length;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the model files of " + name, e);
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime cannot load " + name + ": " + e, e);
      }
    }

    private static InputStream resource(String file) {
      InputStream in = OnnxEmbedders.class.getClassLoader().getResourceAsStream(file);
      if (in == null) {
        throw new IllegalStateException(file + " is not on the class path");
      }
      return in;
    }

    @Override
    public String model() {
      return name;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    @Override
    public float[] embedQuery(String query) {
      return embed(queryPrefix + query);
    }

    @Override
    public float[] embedPassage(String passage) {
      return embed(passage);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      long[][] ids = new long[passages.size()][];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = tokenizer.encode(passages.get(i)).getIds();
      }
      // shortest first, so each batch pads its texts to about their own length
      Integer[] order = new Integer[ids.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
      float[][] out = new float[ids.length][];
      for (int start = 0; start < order.length; ) {
        int end = start + 1;
        while (end < order.length
            && end - start < MAX_BATCH
            && (end - start + 1) * ids[order[end]].length <= TOKENS_PER_BATCH) {
          end++;
        }
        long[][] batch = new long[end - start][];
        for (int k = start; k < end; k++) {
          batch[k - start] = ids[order[k]];
        }
        float[][] vectors = run(batch);
        for (int k = start; k < end; k++) {
          out[order[k]] = vectors[k - start];
        }
        start = end;
      }
      return Arrays.asList(out);
    }

    private float[] embed(String text) {
      return run(new long[][] {tokenizer.encode(text).getIds()})[0];
    }

    /**
     * One model run over texts' token ids, padded to the longest with attention mask 0: one [CLS]
     * or masked-mean vector per text, unit length. The inputs are direct buffers ONNX Runtime reads
     * in place; the output is copied out once as one flat buffer, not as nested per-token arrays.
     */
    private float[][] run(long[][] texts) {
      int longest = 0;
      for (long[] t : texts) {
        longest = Math.max(longest, t.length);
      }
      int cells = texts.length * longest;
      LongBuffer ids = direct(cells);
      LongBuffer mask = direct(cells);
      for (long[] t : texts) {
        for (int j = 0; j < longest; j++) {
          ids.put(j < t.length ? t[j] : 0);
          mask.put(j < t.length ? 1 : 0);
        }
      }
      ids.flip();
      mask.flip();
      long[] shape = {texts.length, longest};
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try {
        inputs.put("input_ids", OnnxTensor.createTensor(env, ids, shape));
        inputs.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
        if (takesTokenTypes) {
          inputs.put("token_type_ids", OnnxTensor.createTensor(env, direct(cells), shape));
        }
        try (OrtSession.Result result = session.run(inputs)) {
          FloatBuffer tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
          int width = tokens.capacity() / cells;
          float[][] out = new float[texts.length][];
          for (int i = 0; i < texts.length; i++) {
            float[] v = new float[width];
            int rows = pooling == Pooling.CLS ? 1 : texts[i].length;
            for (int r = 0; r < rows; r++) {
              int at = (i * longest + r) * width;
              for (int d = 0; d < width; d++) {
                v[d] += tokens.get(at + d);
              }
            }
            out[i] = unit(v);
          }
          return out;
        }
      } catch (OrtException e) {
        throw new IllegalStateException(name + " failed to embed a text: " + e.getMessage(), e);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }

    private static LongBuffer direct(int longs) {
      return ByteBuffer.allocateDirect(longs * Long.BYTES)
          .order(ByteOrder.nativeOrder())
          .asLongBuffer();
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("closing " + name + " failed", e);
      } finally {
        tokenizer.close();
      }
    }
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
