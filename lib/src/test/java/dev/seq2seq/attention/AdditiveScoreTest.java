package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Random;

class AdditiveScoreTest {

    @Test
    void everyEntryIsVDotTanhOfProjectedQueryPlusProjectedKey() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            AdditiveScore score = AdditiveScore.builder().setAttentionSize(5).build();
            score.initialize(manager, DataType.FLOAT64, new Shape(2, 3, 4), new Shape(2, 6, 3));
            Random random = new Random(6);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 3, 4);
            NDArray keys = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 6, 3);
            NDArray scores = DotScoreTest.forward(score, manager, query, keys);
            assertEquals(new Shape(2, 3, 6), scores.getShape());
            NDArray wq = TestArrays.parameter(score, "wq_weight"); // (A, Hq)
            NDArray wk = TestArrays.parameter(score, "wk_weight"); // (A, Hk)
            NDArray v = TestArrays.parameter(score, "v_weight").squeeze(0); // (A)
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 3; t++) {
                    for (int s = 0; s < 6; s++) {
                        NDArray q = query.get(new NDIndex("{}, {}", b, t));
                        NDArray k = keys.get(new NDIndex("{}, {}", b, s));
                        double expected = v.dot(wq.matMul(q).add(wk.matMul(k)).tanh()).getDouble();
                        double actual = scores.get(new NDIndex("{}, {}, {}", b, t, s)).getDouble();
                        assertEquals(expected, actual, 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void builderNamesMissingAttentionSize() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AdditiveScore.builder().setAttentionSize(-2).build());
        assertEquals("AdditiveScore needs setAttentionSize(A) with A >= 1, got -2", e.getMessage());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(
                AdditiveScore.builder().setAttentionSize(3).build(), 4, 5);
    }
}
