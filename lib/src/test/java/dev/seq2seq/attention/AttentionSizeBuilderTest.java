package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttentionSizeBuilderTest {

    @Test
    void buildsEachScoreWithTheSizeItWasGiven() {
        assertEquals(7, ConcatScore.builder().setAttentionSize(7).build().attentionSize());
        assertEquals(3, AdditiveScore.builder().setAttentionSize(3).build().attentionSize());
    }

    @Test
    void aMissingSizeIsNamedWithTheScore() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConcatScore.builder().build());
        assertEquals("ConcatScore needs setAttentionSize(A) with A >= 1, got 0", e.getMessage());
    }
}
