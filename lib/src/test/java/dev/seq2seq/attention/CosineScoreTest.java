package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

class CosineScoreTest {

    @Test
    void scoresAreCosinesOverTemperature() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray query = manager.create(new float[] {3, 4}, new Shape(1, 1, 2));
            // parallel (longer), orthogonal, opposite, at 60 degrees... here (4, 3): cos = 24/25
            NDArray keys =
                    manager.create(new float[] {6, 8, -4, 3, -3, -4, 4, 3}, new Shape(1, 4, 2));
            CosineScore score = CosineScore.builder().optTemperature(0.5f).build();
            assertEquals(0.5f, score.temperature());
            NDArray scores = DotScoreTest.forward(score, manager, query, keys);
            assertArrayEquals(new float[] {2, 0, -2, 2 * 24 / 25f}, scores.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void zeroVectorsScoreZeroWithFiniteGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray query = manager.zeros(new Shape(1, 1, 3));
            NDArray keys = manager.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(1, 2, 3));
            query.setRequiresGradient(true);
            keys.setRequiresGradient(true);
            NDArray scores;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                scores =
                        CosineScore.builder()
                                .build()
                                .forward(
                                        new ParameterStore(manager, false),
                                        new NDList(query, keys),
                                        true)
                                .head();
                collector.backward(scores.sum());
            }
            assertArrayEquals(new float[] {0, 0}, scores.toFloatArray());
            float[] gradients = query.getGradient().toFloatArray();
            float[] keyGradients = keys.getGradient().toFloatArray();
            for (float g : concat(gradients, keyGradients)) {
                assertFalse(Float.isNaN(g) || Float.isInfinite(g));
            }
        }
    }

    @Test
    void builderRejectsNonPositiveTemperature() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CosineScore.builder().optTemperature(0).build());
        assertEquals("CosineScore needs optTemperature(tau) with tau > 0, got 0.0", e.getMessage());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(CosineScore.builder().build(), 4, 4);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
