package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.Random;

/**
 * Shared checks for {@link GlobalAttention} and {@link LocalAttention}, in float64: B = 3, T = 2, S
 * = 5, H = Hq = Hk = 4, memory lengths [5, 2, 3].
 */
final class AttentionFixture {

    static final long[] LENGTHS = {5, 2, 3};
    static final int ATTENTION_SIZE = 6;

    private AttentionFixture() {}

    static void initialize(NDManager manager, AttentionBlock attention, long s) {
        Engine.getInstance().setRandomSeed(3);
        attention.initialize(
                manager, DataType.FLOAT64, new Shape(3, 2, 4), new Shape(3, s, 4), new Shape(3));
    }

    static NDList forward(
            NDManager manager, AttentionBlock attention, NDArray query, NDArray memory) {
        NDList inputs = new NDList(query, memory, manager.create(LENGTHS));
        return attention.forward(new ParameterStore(manager, false), inputs, false);
    }

    /** Weights sum to 1 over valid positions, are exactly 0 at padding; context is (B, T, Hk). */
    static void assertWeightsIgnorePadding(AttentionBlock attention) {
        try (NDManager manager = NDManager.newBaseManager()) {
            initialize(manager, attention, 5);
            Random random = new Random(8);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDList out = forward(manager, attention, query, memory);
            assertEquals(new Shape(3, 2, 4), out.get(0).getShape());
            assertEquals(new Shape(3, 2, 5), out.get(1).getShape());
            TestArrays.assertWeightsIgnorePadding(out.get(1), LENGTHS, 1e-12);
            assertArrayEquals(
                    out.get(1).matMul(memory).toDoubleArray(), out.get(0).toDoubleArray(), 1e-12);
        }
    }

    /**
     * Overwriting the padded memory positions with garbage and appending 3 more garbage positions
     * changes neither the weights at valid positions nor the context.
     */
    static void assertPaddingInvariance(AttentionBlock attention) {
        try (NDManager manager = NDManager.newBaseManager()) {
            initialize(manager, attention, 5);
            Random random = new Random(9);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDArray garbage =
                    TestArrays.normal(manager, random, DataType.FLOAT64, 3, 8, 4).mul(1000);
            NDArray padded = garbage.duplicate();
            for (int b = 0; b < 3; b++) {
                NDIndex valid = new NDIndex("{}, :{}", b, LENGTHS[b]);
                padded.set(valid, memory.get(valid));
            }
            NDList expected = forward(manager, attention, query, memory);
            NDList actual = forward(manager, attention, query, padded);
            assertEquals(new Shape(3, 2, 8), actual.get(1).getShape());
            NDArray validWeights = actual.get(1).get(":, :, :5");
            TestArrays.assertWeightsIgnorePadding(actual.get(1), LENGTHS, 1e-12);
            assertArrayEquals(expected.get(1).toDoubleArray(), validWeights.toDoubleArray(), 1e-12);
            assertArrayEquals(expected.get(0).toDoubleArray(), actual.get(0).toDoubleArray(), 1e-9);
        }
    }
}
