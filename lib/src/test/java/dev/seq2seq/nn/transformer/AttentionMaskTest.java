package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class AttentionMaskTest {

    private static final float X = Float.NEGATIVE_INFINITY;

    @Test
    void causalBiasLetsEachQuerySeeItsOwnAndEarlierPositionsOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bias = AttentionMask.causalBias(manager, 0, 3, DataType.FLOAT32);
            assertEquals(new Shape(1, 1, 3, 3), bias.getShape());
            assertArrayEquals(new float[] {0, X, X, 0, 0, X, 0, 0, 0}, bias.toFloatArray());
        }
    }

    @Test
    void causalBiasAfterCachedPositionsShiftsTheDiagonal() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bias = AttentionMask.causalBias(manager, 2, 2, DataType.FLOAT32);
            assertEquals(new Shape(1, 1, 2, 4), bias.getShape());
            assertArrayEquals(new float[] {0, 0, 0, X, 0, 0, 0, 0}, bias.toFloatArray());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> AttentionMask.causalBias(manager, 0, 0, DataType.FLOAT32));
        }
    }

    @Test
    void paddingBiasIsMinusInfinityBeyondEachLength() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray bias =
                    AttentionMask.paddingBias(
                            manager.create(new long[] {3, 1}), 3, DataType.FLOAT32);
            assertEquals(new Shape(2, 1, 1, 3), bias.getShape());
            assertArrayEquals(new float[] {0, 0, 0, 0, X, X}, bias.toFloatArray());
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            AttentionMask.paddingBias(
                                    manager.create(new long[] {4, 1}), 3, DataType.FLOAT32));
        }
    }
}
