package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Random;

class ScaledDotScoreTest {

    @Test
    void scoresAreDotProductsDividedBySqrtOfKeySize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // d = 4, so the divisor is sqrt(4) = 2 (not sqrt(2))
            NDArray query = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 4));
            NDArray keys =
                    manager.create(
                            new float[] {1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, new Shape(1, 3, 4));
            NDArray scores =
                    DotScoreTest.forward(ScaledDotScore.builder().build(), manager, query, keys);
            assertArrayEquals(new float[] {0.5f, 2, 5}, scores.toFloatArray());
        }
    }

    @Test
    void scaledDotEqualsDotOverSqrtD() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(3);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 3, 8);
            NDArray keys = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 5, 8);
            NDArray dot = DotScoreTest.forward(DotScore.builder().build(), manager, query, keys);
            NDArray scaled =
                    DotScoreTest.forward(ScaledDotScore.builder().build(), manager, query, keys);
            assertArrayEquals(dot.div(Math.sqrt(8)).toDoubleArray(), scaled.toDoubleArray(), 1e-12);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(ScaledDotScore.builder().build(), 4, 4);
    }
}
