package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchShapeTest {

    @Test
    void ofPadsToTheLongestSentencesAndSumsTheRealTokens() {
        BatchShape shape = BatchShape.of(new long[] {3, 7, 2}, new long[] {4, 1, 6});
        assertEquals(new BatchShape(3, 7, 6, 12, 11), shape);
    }

    @Test
    void fullHasNoPadding() {
        BatchShape shape = BatchShape.full(4, 5, 6);
        assertEquals(20, shape.sourceTokens());
        assertEquals(24, shape.targetTokens());
    }

    @Test
    void tokenCountsOutsideTheGridAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new BatchShape(2, 3, 3, 7, 4));
        assertTrue(e.getMessage().contains("sourceTokens = 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchShape(2, 3, 3, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchShape(0, 3, 3, 0, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> BatchShape.of(new long[] {1, 0}, new long[] {1, 1}));
        assertThrows(
                IllegalArgumentException.class, () -> BatchShape.of(new long[] {1}, new long[] {}));
    }
}
