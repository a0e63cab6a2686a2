package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenAccuracyTest {

    @Test
    void accuracyIsCorrectOverTotalAndZeroWithoutTokens() {
        assertEquals(0.85, new TokenAccuracy(17, 20).value(), 1e-15);
        assertEquals(0.0, TokenAccuracy.NONE.value());
        assertEquals("accuracy = 0.8500 (17/20)", new TokenAccuracy(17, 20).toString());
    }

    @Test
    void batchesCombineByCountsNotByMeans() {
        TokenAccuracy sum =
                TokenAccuracy.NONE.plus(new TokenAccuracy(1, 1)).plus(new TokenAccuracy(0, 9));
        assertEquals(new TokenAccuracy(1, 10), sum);
        assertEquals(0.1, sum.value(), 1e-15);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenAccuracy(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new TokenAccuracy(-1, 2));
    }
}
