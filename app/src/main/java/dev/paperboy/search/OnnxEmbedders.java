package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
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

    private float[] embed(String text) {
      long[] ids = tokenizer.encode(text).getIds();
      long[] shape = {1, ids.length};
      long[] mask = new long[ids.length];
      Arrays.fill(mask, 1);
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try {
        inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
        inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
        if (takesTokenTypes) {
          inputs.put(
              "token_type_ids",
              OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
        }
        try (OrtSession.Result result = session.run(inputs)) {
          float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
          return unit(pooling == Pooling.CLS ? tokens[0] : mean(tokens));
        }
      } catch (OrtException e) {
        throw new IllegalStateException(name + " failed to embed a text: " + e.getMessage(), e);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
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

  /** The sum of the token vectors: the mean's direction, which is all {@link #unit} keeps. */
  private static float[] mean(float[][] tokens) {
    float[] sum = new float[tokens[0].length];
    for (float[] t : tokens) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += t[i];
      }
    }
    return sum;
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
