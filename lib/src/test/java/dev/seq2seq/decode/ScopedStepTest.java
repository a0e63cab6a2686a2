package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class ScopedStepTest {

    @Test
    void candidatesCopiedFromTheEngineAreTheWholeRowsBestInOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray logProbs = manager.randomNormal(new Shape(5, 300)).logSoftmax(1);
            NDArray weights = manager.randomUniform(0, 1, new Shape(5, 4));
            StepOutput whole = ScopedStep.hostCopy(logProbs, 300, weights);
            assertEquals(300, whole.candidates());
            for (int c : new int[] {1, 2, 8, 299}) {
                StepOutput top = ScopedStep.hostCopy(logProbs, c, weights);
                assertEquals(c, top.candidates());
                assertArrayEquals(whole.attention(), top.attention());
                for (int row = 0; row < 5; row++) {
                    for (int rank = 0; rank < c; rank++) {
                        int token = whole.ranked(row, rank);
                        assertEquals(token, top.ranked(row, rank), "row " + row + " rank " + rank);
                        assertEquals(whole.logProb(row, token), top.logProb(row, token));
                    }
                }
            }
        }
    }

    @Test
    void aTieAtTheCutCopiesTheWholeRowsSoThatTiesStillGoToTheLowestId() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // row 0: tokens 1, 3 and 4 tie for second place; with C = 2 the engine may rank either
            NDArray logProbs =
                    manager.create(
                                    new float[] {0, 2, 1, 2, 2, 0.5f, 0, 0.1f, 3, 0.2f, 0.3f, 0.4f},
                                    new Shape(2, 6))
                            .logSoftmax(1);
            StepOutput tied = ScopedStep.hostCopy(logProbs, 2, null);
            assertEquals(6, tied.candidates(), "a tie at the cut copies all V");
            assertEquals(1, tied.argMax(0));
            assertEquals(3, tied.ranked(0, 1));
            StepOutput clear = ScopedStep.hostCopy(logProbs, 1, null);
            assertEquals(6, clear.candidates(), "row 0's best three tie");
            StepOutput three = ScopedStep.hostCopy(logProbs, 3, null);
            assertEquals(3, three.candidates(), "no tie between the third and fourth");
            assertEquals(4, three.ranked(0, 2));
            assertEquals(2, three.argMax(1));
        }
    }
}
