package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast an embedding model could go on this machine: what the CPU sustains in plain matrix
 * multiplies on ONNX Runtime's own kernels (the ones the quantized models' layers run on), and the
 * multiply-adds a text of a given length costs a BERT-style encoder. The floor it gives counts only
 * the matrix multiplies, so no real run reaches it; what a run spends beyond it goes to layer
 * norms, GELU, softmax, the attention mask and copies between layers.
 */
public final class ComputeFloor {

  /**
   * An encoder's size: its layers, hidden width and feed-forward width. A layer multiplies each
   * token by four hidden x hidden matrices (query, key, value, output) and two hidden x ffn ones,
   * and attention costs two tokens x tokens x hidden products.
   */
  record Shape(int layers, int hidden, int ffn) {

    long linearMacs(int tokens) {
      return (long) layers * tokens * (4L * hidden * hidden + 2L * hidden * ffn);
    }

    long attentionMacs(int tokens) {
      return 2L * layers * tokens * tokens * hidden;
    }
  }

  static Shape shape(String model) {
    return switch (model) {
      case OnnxEmbedders.BGE_SMALL_Q -> new Shape(12, 384, 1536);
      case OnnxEmbedders.MINILM_Q -> new Shape(6, 384, 1536);
      default -> throw new IllegalArgumentException("no shape known for " + model);
    };
  }

  /**
   * The floor for these texts: their token counts at the model's truncation, the measured rates of
   * an int8 multiply (the quantized linear layers) and a float one (attention, which the models
   * keep in float) of one layer's feed-forward shape, each run on {@code threads} threads at once
   * with one ONNX Runtime thread each, as the embedder runs texts; and the texts per second the
   * model would embed if the multiplies were all it did.
   */
  public record Floor(
      String model,
      int texts,
      double meanTokens,
      double int8OpsPerSecond,
      double floatOpsPerSecond,
      double opsPerText,
      double textsPerSecond) {}

  private ComputeFloor() {}

  public static Floor of(String model, List<String> texts, int threads, double secondsPerRate) {
    Shape shape = shape(model);
    int[] tokens = tokenCounts(model, texts);
    int m = 256;
    double int8 = rate(true, m, shape.hidden(), shape.ffn(), threads, secondsPerRate);
    double fp32 = rate(false, m, shape.hidden(), shape.ffn(), threads, secondsPerRate);
    double seconds = 0;
    double ops = 0;
    long sum = 0;
    for (int t : tokens) {
      sum += t;
      double linear = 2.0 * shape.linearMacs(t);
      double attention = 2.0 * shape.attentionMacs(t);
      ops += linear + attention;
      seconds += linear / int8 + attention / fp32;
    }
    int n = Math.max(1, tokens.length);
    return new Floor(
        model,
        tokens.length,
        sum / (double) n,
        int8,
        fp32,
        ops / n,
        seconds == 0 ? 0 : tokens.length / seconds);
  }

  private static int[] tokenCounts(String model, List<String> texts) {
    try (HuggingFaceTokenizer tokenizer =
        OnnxEmbedders.tokenizer(model, OnnxEmbedders.MAX_TOKENS)) {
      return texts.stream().mapToInt(t -> tokenizer.encode(t).getIds().length).toArray();
    }
  }

  /**
   * Multiply-adds x 2 per second of an {@code m x k} by {@code k x n} product with the right-hand
   * matrix a constant (as weights are, so ONNX Runtime packs it once), on {@code threads} threads
   * running the product over and over for about {@code seconds}.
   */
  static double rate(boolean int8, int m, int k, int n, int threads, double seconds) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session =
          env.createSession(matMulModel(int8, m, k, n, randomMatrix(int8, k, n)), options)) {
        List<Future<long[]>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          runs.add(pool.submit(() -> multiply(env, session, int8, m, k, seconds)));
        }
        double opsPerSecond = 0;
        for (Future<long[]> f : runs) {
          long[] countAndNanos = f.get();
          opsPerSecond += 2.0 * m * k * n * countAndNanos[0] / (countAndNanos[1] / 1e9);
        }
        return opsPerSecond;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot run a plain matrix multiply: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring matrix multiplies", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a matrix multiply failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A {@code rows x columns} matrix of random values, little-endian: bytes (read as uint8 or int8,
   * as the product's side wants) or floats in [-0.5, 0.5).
   */
  private static byte[] randomMatrix(boolean int8, int rows, int columns) {
    Random random = new Random(rows * 31L + columns);
    ByteBuffer b = ByteBuffer.allocate(rows * columns * (int8 ? 1 : Float.BYTES));
    b.order(ByteOrder.LITTLE_ENDIAN);
    if (int8) {
      random.nextBytes(b.array());
    } else {
      while (b.hasRemaining()) {
        b.putFloat(random.nextFloat() - 0.5f);
      }
    }
    return b.array();
  }

  /** Runs the product for about {@code seconds} after a warm-up; returns {runs, nanoseconds}. */
  private static long[] multiply(
      OrtEnvironment env, OrtSession session, boolean int8, int m, int k, double seconds)
      throws OrtException {
    byte[] values = randomMatrix(int8, m, k);
    ByteBuffer a = ByteBuffer.allocateDirect(values.length).order(ByteOrder.nativeOrder());
    a.put(values).flip();
    long[] shape = {m, k};
    try (OnnxTensor input =
        int8
            ? OnnxTensor.createTensor(env, a, shape, OnnxJavaType.UINT8)
            : OnnxTensor.createTensor(env, a.asFloatBuffer(), shape)) {
      Map<String, OnnxTensor> inputs = Map.of("A", input);
      for (int i = 0; i < 3; i++) {
        session.run(inputs).close();
      }
      long started = System.nanoTime();
      long deadline = started + (long) (seconds * 1e9);
      long count = 0;
      long now;
      do {
        session.run(inputs).close();
        count++;
        now = System.nanoTime();
      } while (now < deadline);
      return new long[] {count, now - started};
    }
  }

  // ONNX element types
  private static final int FLOAT = 1;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final int INT32 = 6;

  /**
   * A one-node ONNX model, Y = A x B, written as protobuf by hand (ModelProto and friends; field
   * numbers from onnx.proto): A an {@code m x k} input (uint8 or float), B a constant {@code k x n}
   * (int8 or float) given row by row, little-endian, Y int32 ({@code MatMulInteger}) or float
   * ({@code MatMul}).
   */
  static byte[] matMulModel(boolean int8, int m, int k, int n, byte[] b) {
    if (b.length != k * n * (int8 ? 1 : Float.BYTES)) {
      throw new IllegalArgumentException(b.length + " bytes cannot be a " + k + " x " + n + " B");
    }
    Proto weights =
        new Proto()
            .number(1, k)
            .number(1, n)
            .number(2, int8 ? INT8 : FLOAT)
            .text(8, "B")
            .bytes(9, b);
    Proto node =
        new Proto()
            .text(1, "A")
            .text(1, "B")
            .text(2, "Y")
            .text(3, "product")
            .text(4, int8 ? "MatMulInteger" : "MatMul");
    Proto graph =
        new Proto()
            .message(1, node)
            .text(2, "floor")
            .message(5, weights)
            .message(11, tensor("A", int8 ? UINT8 : FLOAT, m, k))
            .message(12, tensor("Y", int8 ? INT32 : FLOAT, m, n));
    return new Proto()
        .number(1, 8) // IR version
        .message(8, new Proto().text(1, "").number(2, 13)) // the default domain, opset 13
        .message(7, graph)
        .toByteArray();
  }

  private static Proto tensor(String name, int type, long... dims) {
    Proto shape = new Proto();
    for (long d : dims) {
      shape.message(1, new Proto().number(1, d));
    }
    Proto tensorType = new Proto().number(1, type).message(2, shape);
    return new Proto().text(1, name).message(2, new Proto().message(1, tensorType));
  }

  /** The protobuf wire format, as much of it as a one-node model needs. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto number(int field, long value) {
      varint((long) field << 3);
      varint(value);
      return this;
    }

    Proto bytes(int field, byte[] value) {
      varint((long) field << 3 | 2);
      varint(value.length);
      out.writeBytes(value);
      return this;
    }

    Proto text(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
