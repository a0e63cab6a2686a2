package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;

import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes: B = 2, T = 3 queries, S = 4 keys, D = 8, h = 2; the second sentence has 2 keys. */
class MultiHeadAttentionTest {

    private static MultiHeadAttention attention(NDManager manager) {
        return attention(manager, 0f);
    }

    private static MultiHeadAttention attention(NDManager manager, float scoreFloor) {
        Seeds.seedEverything(5);
        MultiHeadAttention a = new MultiHeadAttention(8, 2, scoreFloor);
        a.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
        return a;
    }

    private static NDArray lengths(NDManager manager) {
        return manager.create(new long[] {4, 2});
    }

    @Test
    void sameOutputAsDjlsScaledDotProductAttentionBlockWithTheSameParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadAttention ours = attention(manager);
            ScaledDotProductAttentionBlock djl =
                    ScaledDotProductAttentionBlock.builder()
                            .setEmbeddingSize(8)
                            .setHeadCount(2)
                            .optAttentionProbsDropoutProb(0f)
                            .build();
            djl.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 8), new Shape(2, 3, 8));
            copy(djl.getQueryProjection(), child(ours, "query"));
            copy(djl.getKeyProjection(), child(ours, "key"));
            copy(djl.getValueProjection(), child(ours, "value"));
            copy(djl.getResultProjection(), child(ours, "output"));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray queries = manager.randomNormal(new Shape(2, 3, 8));
            NDArray memory = manager.randomNormal(new Shape(2, 4, 8));
            // DJL: mask (B, T, S), 1 to keep and 0 to drop; ours: the additive padding bias
            NDArray keep =
                    AttentionMask.paddingBias(lengths(manager), 4, DataType.FLOAT32)
                            .squeeze(1)
                            .eq(0)
                            .broadcast(2, 3, 4)
                            .toType(DataType.FLOAT32, false);
            NDArray expected =
                    djl.forward(ps, new NDList(memory, queries, memory, keep), false).head();
            NDArray bias = AttentionMask.paddingBias(lengths(manager), 4, DataType.FLOAT32);
            NDList actual = ours.forward(ps, new NDList(queries, memory, bias), false);
            assertEquals(new Shape(2, 3, 8), actual.head().getShape());
            assertTrue(expected.allClose(actual.head(), 1e-5, 1e-6, false));
        }
    }

    /** DJL names children with an index prefix, e.g. {@code 01query}. */
    private static Block child(Block block, String name) {
        return block.getChildren().stream()
                .filter(p -> p.getKey().endsWith(name))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static void copy(Block from, Block to) {
        for (String name : new String[] {"weight", "bias"}) {
            NDArray source = from.getParameters().get(name).getArray();
            to.getParameters().get(name).getArray().set(source.toFloatArray());
        }
    }

    @Test
    void everyHeadsWeightsSumToOneAndAreExactlyZeroWhereMasked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadAttention a = attention(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 4, 8));
            NDArray bias =
                    AttentionMask.paddingBias(lengths(manager), 4, DataType.FLOAT32)
                            .add(AttentionMask.causalBias(manager, 0, 4, DataType.FLOAT32));
            NDArray w = a.forward(ps, new NDList(x, x, bias), false).get(1); // (B, h, T, S)
            assertEquals(new Shape(2, 2, 4, 4), w.getShape());
            assertTrue(
                    w.sum(new int[] {3})
                            .allClose(manager.ones(new Shape(2, 2, 4)), 1e-5, 1e-6, false));
            float[] weights = w.toFloatArray();
            long[] len = {4, 2};
            for (int b = 0; b < 2; b++) {
                for (int h = 0; h < 2; h++) {
                    for (int t = 0; t < 4; t++) {
                        for (int s = 0; s < 4; s++) {
                            float v = weights[((b * 2 + h) * 4 + t) * 4 + s];
                            if (s > t || s >= len[b]) {
                                assertEquals(0f, v, "b=" + b + " h=" + h + " t=" + t + " s=" + s);
                            } else {
                                assertTrue(v > 0, "b=" + b + " t=" + t + " s=" + s);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void paddedKeysChangeNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadAttention a = attention(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray q = manager.randomNormal(new Shape(2, 3, 8));
            NDArray memory = manager.randomNormal(new Shape(2, 4, 8));
            NDArray other = memory.duplicate();
            other.set(new ai.djl.ndarray.index.NDIndex("1, 2:, :"), 1000f);
            NDArray bias = AttentionMask.paddingBias(lengths(manager), 4, DataType.FLOAT32);
            NDArray y1 = a.forward(ps, new NDList(q, memory, bias), false).head();
            NDArray y2 = a.forward(ps, new NDList(q, other, bias), false).head();
            assertTrue(y1.allClose(y2, 1e-6, 1e-6, false));
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, 50f})
    void withAFloorNoVisibleWeightFallsFurtherBelowTheLargestAndWithoutSomeUnderflow(float floor) {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadAttention a = attention(manager, floor);
            ParameterStore ps = new ParameterStore(manager, false);
            // inputs 40 times too large give score gaps of hundreds: e^-gap underflows to 0
            NDArray q = manager.randomNormal(new Shape(2, 3, 8)).mul(40);
            NDArray memory = manager.randomNormal(new Shape(2, 4, 8)).mul(40);
            NDArray bias = AttentionMask.paddingBias(lengths(manager), 4, DataType.FLOAT32);
            float[] w = a.forward(ps, new NDList(q, memory, bias), false).get(1).toFloatArray();
            double least = Math.exp(-floor) * 0.999;
            long[] len = {4, 2};
            int tiny = 0;
            int zero = 0;
            for (int row = 0; row < 2 * 2 * 3; row++) {
                int b = row / 6;
                float largest = 0;
                for (int s = 0; s < len[b]; s++) {
                    largest = Math.max(largest, w[row * 4 + s]);
                }
                for (int s = 0; s < 4; s++) {
                    float v = w[row * 4 + s];
                    if (s >= len[b]) {
                        assertEquals(0f, v, "row " + row + ", padding key " + s);
                    } else {
                        tiny += v < largest * 1e-20 ? 1 : 0;
                        zero += v == 0 ? 1 : 0;
                        if (floor > 0) {
                            assertTrue(v >= largest * least, "row " + row + " key " + s + ": " + v);
                        }
                    }
                }
            }
            assertTrue(tiny > 0, "the inputs must push some weights below 1e-20 of the largest");
            if (floor == 0) {
                assertTrue(zero > 0, "without a floor, the paper's softmax underflows to 0");
            }
        }
    }

    @Test
    void aNegativeScoreFloorIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new MultiHeadAttention(8, 2, -1));
        assertEquals("the score floor must be 0 (none) or positive, got -1.0", e.getMessage());
    }

    @Test
    void wrongShapesAndSizesAreNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadAttention a = attention(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> a.project(ps, manager.zeros(new Shape(2, 4, 6)), false));
            assertEquals("memory: expected (B, S, D) = (?, ?, 8), got (2, 4, 6)", e.getMessage());
            KeyValues kv = a.project(ps, manager.zeros(new Shape(2, 4, 8)), false);
            e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> a.attend(ps, manager.zeros(new Shape(3, 1, 8)), kv, null, false));
            assertEquals(
                    "keys: expected (B, h, S, d_k) = (3, 2, ?, 4), got (2, 2, 4, 4)",
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(10, 4));
            assertTrue(e.getMessage().contains("D = 10") && e.getMessage().contains("h = 4"));
        }
    }
}
