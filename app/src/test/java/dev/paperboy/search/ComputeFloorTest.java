package dev.paperboy.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeFloorTest {

  @Test
  void theHandWrittenModelMultipliesInt8MatricesAsOnPaper() throws Exception {
    // A (uint8, 2 x 3) x B (int8, 3 x 2)
    byte[] b = {1, -2, 3, 4, -5, 6};
    byte[] a = {1, 2, (byte) 200, 0, 10, 1};
    int[][] expected = new int[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        for (int x = 0; x < 3; x++) {
          expected[i][j] += (a[i * 3 + x] & 0xFF) * b[x * 2 + j];
        }
      }
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session =
            env.createSession(
                ComputeFloor.matMulModel(true, 2, 3, 2, b), new OrtSession.SessionOptions());
        OnnxTensor input =
            OnnxTensor.createTensor(
                env,
                ByteBuffer.allocateDirect(6).order(ByteOrder.nativeOrder()).put(a).flip(),
                new long[] {2, 3},
                OnnxJavaType.UINT8);
        OrtSession.Result result = session.run(Map.of("A", input))) {
      int[][] y = (int[][]) result.get(0).getValue();
      assertArrayEquals(expected[0], y[0]);
      assertArrayEquals(expected[1], y[1]);
    }
  }

  @Test
  void aBgeSmallLayerStackCostsItsPublishedWeightsPerToken() {
    ComputeFloor.Shape bge = ComputeFloor.shape(OnnxEmbedders.BGE_SMALL_Q);
    // 12 layers x (4 x 384^2 + 2 x 384 x 1536) weights, one multiply-add each per token
    assertEquals(21_233_664L, bge.linearMacs(1));
    assertEquals(2L * 12 * 100 * 100 * 384, bge.attentionMacs(100));
  }

  @Test
  void theFloorOfRealTextsIsAPositiveRateTheirLengthsExplain() {
    List<String> texts =
        List.of(
            "Attention is all you need. We propose the Transformer, based solely on attention.",
            "Sparse mixtures of experts. " + "Routing tokens to a few experts. ".repeat(20));
    ComputeFloor.Floor floor = ComputeFloor.of(OnnxEmbedders.BGE_SMALL_Q, texts, 1, 0.2);
    assertEquals(2, floor.texts());
    assertTrue(floor.meanTokens() > 20 && floor.meanTokens() < 512, "tokens " + floor.meanTokens());
    assertTrue(floor.int8OpsPerSecond() > 1e9, "int8 " + floor.int8OpsPerSecond());
    assertTrue(floor.floatOpsPerSecond() > 1e9, "float " + floor.floatOpsPerSecond());
    // the multiplies alone take ops / rate; the floor can be no faster than that
    assertTrue(floor.textsPerSecond() > 0);
    assertTrue(
        floor.textsPerSecond() <= floor.int8OpsPerSecond() / floor.opsPerText() * 1.0001,
        floor.toString());
  }
}
