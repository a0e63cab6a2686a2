package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Random;

class MaskedSoftmaxTest {

    @Test
    void maskMarksPositionsBelowLength() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mask = MaskedSoftmax.mask(manager.create(new long[] {3, 1}), 4);
            assertEquals(new Shape(2, 4), mask.getShape());
            assertArrayEquals(
                    new boolean[] {true, true, true, false, true, false, false, false},
                    mask.toBooleanArray());
        }
    }

    @Test
    void weightsSumToOneOverValidPositionsAndAreExactlyZeroAtPadding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = TestArrays.normal(manager, new Random(1), DataType.FLOAT32, 3, 2, 5);
            long[] lengths = {5, 2, 3};
            NDArray weights = MaskedSoftmax.softmax(scores, manager.create(lengths));
            assertEquals(new Shape(3, 2, 5), weights.getShape());
            TestArrays.assertWeightsIgnorePadding(weights, lengths, 1e-6);
        }
    }

    @Test
    void largeScoresGiveNoNaN() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores =
                    manager.create(new float[] {1e4f, -1e4f, 2e4f, 1e4f, 1e4f, 3e4f})
                            .reshape(2, 1, 3);
            long[] lengths = {3, 2};
            NDArray weights = MaskedSoftmax.softmax(scores, manager.create(lengths));
            float[] w = weights.toFloatArray();
            for (float value : w) {
                assertFalse(Float.isNaN(value) || Float.isInfinite(value));
            }
            assertArrayEquals(new float[] {0, 0, 1, 0.5f, 0.5f, 0}, w, 1e-6f);
            TestArrays.assertWeightsIgnorePadding(weights, lengths, 1e-6);
        }
    }

    @Test
    void fullLengthGivesOrdinarySoftmax() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = TestArrays.normal(manager, new Random(2), DataType.FLOAT64, 2, 3, 4);
            NDArray weights = MaskedSoftmax.softmax(scores, manager.create(new long[] {4, 4}));
            assertArrayEquals(scores.softmax(-1).toDoubleArray(), weights.toDoubleArray(), 1e-15);
        }
    }

    @Test
    void explicitMaskAllowsOnlyItsPositions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.create(new float[] {1, 2, 3, 4}).reshape(1, 2, 2);
            NDArray allowed =
                    manager.create(new boolean[] {true, true, false, true}).reshape(1, 2, 2);
            float[] w = MaskedSoftmax.softmaxWithMask(scores, allowed).toFloatArray();
            float e = (float) Math.exp(1);
            assertArrayEquals(new float[] {1 / (1 + e), e / (1 + e), 0, 1}, w, 1e-6f);
        }
    }

    @Test
    void paddingBiasGivesExactlyTheWeightsOfTheLengthMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(4);
            NDArray scores = TestArrays.normal(manager, random, DataType.FLOAT32, 3, 2, 5);
            scores.set(new ai.djl.ndarray.index.NDIndex("1, :, 3:"), 1e30f); // huge padded scores
            NDArray lengths = manager.create(new long[] {5, 3, 1});
            NDArray bias = MaskedSoftmax.paddingBias(lengths, 5, DataType.FLOAT32);
            assertEquals(new Shape(3, 1, 5), bias.getShape());
            assertArrayEquals(
                    new float[] {0, 0, 0, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
                    bias.get("1, 0, :").toFloatArray());
            assertArrayEquals(
                    MaskedSoftmax.softmax(scores, lengths).toFloatArray(),
                    MaskedSoftmax.softmaxWithBias(scores, bias).toFloatArray(),
                    0f);
            IllegalArgumentException wrong =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> MaskedSoftmax.softmaxWithBias(scores, bias.squeeze(1)));
            assertEquals(
                    "paddingBias: expected (B, 1, S) = (3, 1, 5), got (3, 5)", wrong.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            MaskedSoftmax.paddingBias(
                                    manager.create(new long[] {0, 2}), 5, DataType.FLOAT32));
        }
    }

    @Test
    void lengthOutsideOneToSIsRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.zeros(new Shape(2, 1, 3));
            IllegalArgumentException zero =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> MaskedSoftmax.softmax(scores, manager.create(new long[] {0, 3})));
            assertTrue(zero.getMessage().contains("[1, 3]"), zero.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> MaskedSoftmax.softmax(scores, manager.create(new long[] {4, 3})));
        }
    }

    @Test
    void rowWithNoAllowedPositionIsRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.zeros(new Shape(1, 2, 2));
            NDArray allowed =
                    manager.create(new boolean[] {true, false, false, false}).reshape(1, 2, 2);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> MaskedSoftmax.softmaxWithMask(scores, allowed));
        }
    }

    @Test
    void wrongLengthsShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.zeros(new Shape(2, 1, 3));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> MaskedSoftmax.softmax(scores, manager.create(new long[] {3})));
            assertEquals("lengths: expected (B) = (2), got (1)", e.getMessage());
        }
    }
}
