package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepOutputTest {

    /** N = 2 rows, V = 3, S = 4. */
    private static final StepOutput STEP =
            new StepOutput(
                    new float[] {-1, -0.5f, -0.5f, -2, -3, -0.1f},
                    3,
                    new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.5f, 0, 0},
                    4);

    @Test
    void argMaxTiesGoToTheLowestId() {
        assertEquals(1, STEP.argMax(0));
        assertEquals(2, STEP.argMax(1));
    }

    @Test
    void rankedCountsDownFromTheArgMaxWithTiesToTheLowestId() {
        assertEquals(1, STEP.ranked(0, 0));
        assertEquals(2, STEP.ranked(0, 1)); // tied with 1 at -0.5, so second
        assertEquals(0, STEP.ranked(0, 2));
        assertEquals(2, STEP.ranked(1, 0));
        assertEquals(0, STEP.ranked(1, 1));
        assertEquals(1, STEP.ranked(1, 2));
        assertThrows(IllegalArgumentException.class, () -> STEP.ranked(0, 3));
    }

    @Test
    void logProbAndAttentionReadTheirRow() {
        assertEquals(-3f, STEP.logProb(1, 1));
        assertArrayEquals(new float[] {0.5f, 0.5f}, STEP.attention(1, 2));
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, STEP.attention(0, 3));
        assertTrue(STEP.hasAttention());
    }

    @Test
    void withoutAttentionThereAreNoWeights() {
        StepOutput plain = new StepOutput(new float[] {-1, -2}, 2, null, 0);
        assertFalse(plain.hasAttention());
        assertNull(plain.attention(0, 1));
    }

    @Test
    void sizesThatDoNotMatchTheArraysAreRejected() {
        assertThrows(
                IllegalArgumentException.class, () -> new StepOutput(new float[5], 2, null, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StepOutput(new float[4], 2, new float[5], 3));
        assertThrows(
                IllegalArgumentException.class, () -> new StepOutput(new float[4], 2, null, 3));
    }

    @Test
    void topCandidatesRankLikeAScanOfTheWholeRowWithTiesToTheLowestId() {
        // row 0: tokens 7 and 2 tie at -0.5 (in the engine's order 7 first); row 1: 4, 0
        StepOutput top =
                new StepOutput(
                                new float[] {-0.5f, -0.5f, -0.1f, -3},
                                new int[] {7, 2, 4, 0},
                                2,
                                9,
                                null,
                                0)
                        .tiesInIdOrder();
        assertEquals(2, top.candidates());
        assertEquals(2, top.argMax(0));
        assertEquals(7, top.ranked(0, 1));
        assertEquals(4, top.argMax(1));
        assertEquals(-0.5f, top.logProb(0, 7));
        assertEquals(2, top.candidateToken(0, 0));
        assertEquals(-0.5f, top.candidateLogProb(0, 1));
        assertEquals(0, top.candidateToken(1, 1));
        assertEquals(-3f, top.logProb(1, 0));
        IllegalArgumentException absent =
                assertThrows(IllegalArgumentException.class, () -> top.logProb(1, 5));
        assertTrue(absent.getMessage().contains("not among row 1's 2 candidates"));
        assertThrows(IllegalArgumentException.class, () -> top.ranked(0, 2));
        assertEquals(3, STEP.candidates());
        assertEquals(2, STEP.candidateToken(1, 2));
        assertEquals(-0.1f, STEP.candidateLogProb(1, 2));
    }

    @Test
    void candidatesMustBeWholeRowsOfAtMostV() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StepOutput(new float[3], new int[3], 2, 9, null, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StepOutput(new float[4], new int[3], 2, 9, null, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StepOutput(new float[4], new int[4], 4, 3, null, 0));
    }
}
