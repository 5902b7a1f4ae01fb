package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sentence-embedding models that ship inside Maven artifacts (the ONNX files langchain4j
 * packages), run directly on ONNX Runtime: no download at run time, and we choose truncation and
 * threads. Texts are cut at {@link #MAX_TOKENS}, the models' own limit by default, which nearly
 * every abstract fits. On SciFact train (2026-12-03) bge semantic / hybrid nDCG@10 was 0.7375 /
 * 0.7641 at 512 tokens, 0.7364 / 0.7605 at 384 and 0.7344 / 0.7592 at 256; arXiv abstracts average
 * ~290 tokens, so only 256 would save much time, and it costs more quality than it is worth.
 */
public final class OnnxEmbedders {

  public static final String BGE_SMALL_Q = "bge-small-en-v1.5-q";
  public static final String MINILM_Q = "all-minilm-l6-v2-q";
  public static final List<String> NAMES = List.of(BGE_SMALL_Q, MINILM_Q);

  /** Tokens per text, special tokens included (BERT's position limit). */
  static final int MAX_TOKENS =
      Math.clamp(Integer.getInteger("paperboy.embed.maxTokens", 512), 16, 512);

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

  /**
   * Texts embedded at the same time, one per core by default ({@code paperboy.embed.threads}), each
   * run on one ONNX Runtime thread. On 2 cores this embedded arXiv abstracts 1.1-1.4x as fast as
   * one text at a time on two intra-op threads (an abstract's matrices are small, so two threads on
   * one text spend much of their time waiting for each other), and a short query is no slower on
   * one thread. A text's vector does not depend on which thread embeds it.
   */
  static final int THREADS =
      Math.max(
          1,
          Integer.getInteger("paperboy.embed.threads", Runtime.getRuntime().availableProcessors()));

  /** Texts embedded at the same time (see {@link #THREADS}). */
  public static int threads() {
    return THREADS;
  }

  /** How passages are run, for benchmarks' output: threads, texts per run, truncation. */
  public static String howPassagesRun() {
    return String.format(
        Locale.ROOT,
        "%d thread%s, up to %d text%s per run, cut at %d tokens",
        THREADS,
        THREADS == 1 ? "" : "s",
        MAX_BATCH,
        MAX_BATCH == 1 ? "" : "s",
        MAX_TOKENS);
  }

  private static final String BGE_QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  private OnnxEmbedders() {}

  /** The model's tokenizer, cutting texts at {@code maxTokens}, read from the class path. */
  static HuggingFaceTokenizer tokenizer(String model, int maxTokens) {
    try (InputStream json = resource(model + "-tokenizer.json")) {
      return HuggingFaceTokenizer.newInstance(
          json,
          Map.of(
              "truncation", "true",
              "maxLength", Integer.toString(maxTokens),
              "padding", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + model, e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = OnnxEmbedders.class.getClassLoader().getResourceAsStream(file);
    if (in == null) {
      throw new IllegalStateException(file + " is not on the class path");
    }
    return in;
  }

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
    private final String outputName;
    private final int width;
    private final int dimension;
    private final ExecutorService workers;

    /**
     * Run buffers not in use, kept for the next run: as many exist as runs ever overlapped, and at
     * most two per embedding thread are kept.
     */
    private final Queue<Buffers> buffers = new ConcurrentLinkedQueue<>();

    Model(String name, Pooling pooling, String queryPrefix, int maxTokens) {
      this.name = name;
      this.pooling = pooling;
      this.queryPrefix = queryPrefix;
      try (InputStream onnx = resource(name + ".onnx");
          OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        tokenizer = tokenizer(name, maxTokens);
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnx.readAllBytes(), options);
        takesTokenTypes = session.getInputNames().contains("token_type_ids");
        var output = session.getOutputInfo().entrySet().iterator().next();
        outputName = output.getKey();
        long[] outputShape = ((TensorInfo) output.getValue().getInfo()).getShape();
        width = Math.toIntExact(outputShape[outputShape.length - 1]);
        dimension = embed("dimension probe").length;
        // the caller embeds one share itself
        workers =
            Executors.newFixedThreadPool(
                Math.max(1, THREADS - 1),
                Thread.ofPlatform().name("embed-" + name + "-", 1).daemon().factory());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the model files of " + name, e);
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime cannot load " + name + ": " + e, e);
      }
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
      // longest first, so each batch pads its texts to about their own length and the threads
      // finish together (the last texts taken are the shortest)
      Integer[] order = new Integer[ids.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids[i].length).reversed());
      List<int[]> batches = new ArrayList<>();
      for (int start = 0; start < order.length; ) {
        int end = start + 1;
        while (end < order.length
            && end - start < MAX_BATCH
            && (end - start + 1) * ids[order[start]].length <= TOKENS_PER_BATCH) {
          end++;
        }
        batches.add(new int[] {start, end});
        start = end;
      }
      float[][] out = new float[ids.length][];
      AtomicInteger next = new AtomicInteger();
      Runnable work =
          () -> {
            for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
              int start = batches.get(b)[0];
              int end = batches.get(b)[1];
              long[][] batch = new long[end - start][];
              for (int k = start; k < end; k++) {
                batch[k - start] = ids[order[k]];
              }
              float[][] vectors = run(batch);
              for (int k = start; k < end; k++) {
                out[order[k]] = vectors[k - start];
              }
            }
          };
      List<Future<?>> running = new ArrayList<>();
      for (int t = 1; t < Math.min(THREADS, batches.size()); t++) {
        running.add(workers.submit(work));
      }
      work.run();
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(name + " failed to embed a text", e.getCause());
        }
      }
      return Arrays.asList(out);
    }

    private float[] embed(String text) {
      return run(new long[][] {tokenizer.encode(text).getIds()})[0];
    }

    /**
     * One model run over texts' token ids, padded to the longest with attention mask 0: one [CLS]
     * or masked-mean vector per text, unit length. Inputs and output live in direct buffers taken
     * from {@link #buffers} and given back after: ONNX Runtime reads the ids in place and writes
     * the token vectors straight into ours, so a text allocates nothing bigger than its own vector.
     */
    private float[][] run(long[][] texts) {
      int longest = 0;
      for (long[] t : texts) {
        longest = Math.max(longest, t.length);
      }
      int cells = texts.length * longest;
      Buffers b = buffers.poll();
      if (b == null || b.cells < cells) {
        b = new Buffers(Math.max(cells, MAX_TOKENS), width);
      }
      LongBuffer ids = b.ids.clear();
      LongBuffer mask = b.mask.clear();
      for (long[] t : texts) {
        for (int j = 0; j < longest; j++) {
          ids.put(j < t.length ? t[j] : 0);
          mask.put(j < t.length ? 1 : 0);
        }
      }
      ids.flip();
      mask.flip();
      FloatBuffer tokens = b.tokens.clear().limit(cells * width);
      long[] shape = {texts.length, longest};
      Map<String, OnnxTensor> inputs = new HashMap<>();
      OnnxTensor output = null;
      try {
        inputs.put("input_ids", OnnxTensor.createTensor(env, ids, shape));
        inputs.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
        if (takesTokenTypes) {
          inputs.put(
              "token_type_ids", OnnxTensor.createTensor(env, b.types.clear().limit(cells), shape));
        }
        output = OnnxTensor.createTensor(env, tokens, new long[] {texts.length, longest, width});
        // nothing is read from the result (the vectors are in our pinned output buffer), but it
        // holds native handles and must be closed
        OrtSession.Result result = session.run(inputs, Map.of(outputName, output));
        try {
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
        } finally {
          result.close();
        }
      } catch (OrtException e) {
        throw new IllegalStateException(name + " failed to embed a text: " + e.getMessage(), e);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
        if (output != null) {
          output.close();
        }
        if (buffers.size() < 2 * THREADS) {
          buffers.offer(b);
        }
      }
    }

    /** One run's input and output buffers, for up to {@code cells} padded tokens. */
    private static final class Buffers {
      final int cells;
      final LongBuffer ids;
      final LongBuffer mask;
      final LongBuffer types; // token types: all zero, one segment
      final FloatBuffer tokens;

      Buffers(int cells, int width) {
        this.cells = cells;
        ids = direct(cells * Long.BYTES).asLongBuffer();
        mask = direct(cells * Long.BYTES).asLongBuffer();
        types = direct(cells * Long.BYTES).asLongBuffer();
        tokens = direct(cells * width * Float.BYTES).asFloatBuffer();
      }

      private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
      }
    }

    @Override
    public void close() {
      workers.shutdownNow();
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
