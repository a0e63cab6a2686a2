package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class GeneralScoreTest {

    @Test
    void scoresAreBilinearFormsWithW() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GeneralScore score = GeneralScore.builder().build();
            score.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 2), new Shape(1, 2, 3));
            NDArray w = TestArrays.parameter(score, "weight");
            assertEquals(new Shape(2, 3), w.getShape());
            w.set(new float[] {1, 0, 2, 0, 1, -1}); // W = [[1, 0, 2], [0, 1, -1]]
            NDArray query = manager.create(new float[] {1, 2}, new Shape(1, 1, 2));
            NDArray keys = manager.create(new float[] {1, 1, 1, 0, 3, 1}, new Shape(1, 2, 3));
            // q^T W = (1, 2, 0); (1, 2, 0)·(1, 1, 1) = 3; (1, 2, 0)·(0, 3, 1) = 6
            assertArrayEquals(
                    new float[] {3, 6},
                    DotScoreTest.forward(score, manager, query, keys).toFloatArray());
        }
    }

    @Test
    void sizesOtherThanInitializedAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GeneralScore score = GeneralScore.builder().build();
            score.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 4), new Shape(2, 3, 5));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    DotScoreTest.forward(
                                            score,
                                            manager,
                                            manager.zeros(new Shape(2, 1, 5)),
                                            manager.zeros(new Shape(2, 3, 5))));
            assertEquals(
                    "GeneralScore: expected (Hq, Hk) = (4, 5) as initialized, got (5, 5)",
                    e.getMessage());
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(GeneralScore.builder().build(), 4, 5);
    }
}
