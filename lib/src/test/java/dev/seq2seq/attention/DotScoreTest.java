package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

import java.util.Random;

class DotScoreTest {

    @Test
    void scoresAreDotProductsOfQueryAndKeys() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // one sentence, two query steps, three keys of size 2
            NDArray query = manager.create(new float[] {1, 2, -1, 0}, new Shape(1, 2, 2));
            NDArray keys = manager.create(new float[] {1, 0, 0, 1, 3, 4}, new Shape(1, 3, 2));
            NDArray scores = forward(DotScore.builder().build(), manager, query, keys);
            assertEquals(new Shape(1, 2, 3), scores.getShape());
            // (1,2)·(1,0)=1, (1,2)·(0,1)=2, (1,2)·(3,4)=11; (-1,0)·... = -1, 0, -3
            assertArrayEquals(new float[] {1, 2, 11, -1, 0, -3}, scores.toFloatArray());
        }
    }

    @Test
    void differentQueryAndKeySizesAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    forward(
                                            DotScore.builder().build(),
                                            manager,
                                            manager.zeros(new Shape(2, 1, 4)),
                                            manager.zeros(new Shape(2, 3, 5))));
            assertEquals(
                    "DotScore needs query size Hq = key size Hk, got Hq = 4, Hk = 5",
                    e.getMessage());
        }
    }

    @Test
    void wrongInputShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DotScore score = DotScore.builder().build();
            IllegalArgumentException rank =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    forward(
                                            score,
                                            manager,
                                            manager.zeros(new Shape(2, 4)),
                                            manager.zeros(new Shape(2, 3, 4))));
            assertEquals("query: expected (B, T, Hq) = (?, ?, ?), got (2, 4)", rank.getMessage());
            IllegalArgumentException batch =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    forward(
                                            score,
                                            manager,
                                            manager.zeros(new Shape(2, 1, 4)),
                                            manager.zeros(new Shape(3, 3, 4))));
            assertEquals(
                    "keys: expected (B, S, Hk) = (2, ?, ?), got (3, 3, 4)", batch.getMessage());
        }
    }

    @Test
    void scaledScoresAreDotProductsDividedBySqrtOfKeySize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // d = 4, so the divisor is sqrt(4) = 2 (not sqrt(2))
            NDArray query = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 4));
            NDArray keys =
                    manager.create(
                            new float[] {1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, new Shape(1, 3, 4));
            NDArray scores = forward(scaled(), manager, query, keys);
            assertArrayEquals(new float[] {0.5f, 2, 5}, scores.toFloatArray());
        }
    }

    @Test
    void scaledDotEqualsDotOverSqrtD() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(3);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 3, 8);
            NDArray keys = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 5, 8);
            NDArray dot = forward(DotScore.builder().build(), manager, query, keys);
            NDArray scaled = forward(scaled(), manager, query, keys);
            assertArrayEquals(dot.div(Math.sqrt(8)).toDoubleArray(), scaled.toDoubleArray(), 1e-12);
        }
    }

    @Test
    void scaledIsOffByDefault() {
        assertFalse(DotScore.builder().build().scaled());
        assertTrue(scaled().scaled());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(DotScore.builder().build(), 4, 4);
        GradientCheck.assertScoreGradients(scaled(), 4, 4);
    }

    private static DotScore scaled() {
        return DotScore.builder().optScaled(true).build();
    }

    static NDArray forward(AttentionScore score, NDManager manager, NDArray query, NDArray keys) {
        return score.forward(new ParameterStore(manager, false), new NDList(query, keys), false)
                .singletonOrThrow();
    }
}
