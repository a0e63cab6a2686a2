package dev.seq2seq.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenStatsTest {

    @Test
    void noTokensGiveNaNForEveryStatistic() {
        assertTrue(Double.isNaN(TokenStats.ZERO.meanNll()));
        assertTrue(Double.isNaN(TokenStats.ZERO.perplexity()));
        assertTrue(Double.isNaN(TokenStats.ZERO.accuracy()));
        assertTrue(Double.isNaN(TokenStats.accuracy(0, 0)));
    }

    @Test
    void uniformChoiceAmongKTokensHasPerplexityK() {
        assertEquals(4.0, new TokenStats(10 * Math.log(4), 10, 0).perplexity(), 1e-9);
        assertEquals(Math.log(4), new TokenStats(10 * Math.log(4), 10, 0).meanNll(), 1e-12);
        assertEquals(1.0, new TokenStats(0, 3, 3).perplexity());
    }

    @Test
    void accuracyIsCorrectOverTokens() {
        assertEquals(0.85, new TokenStats(1, 20, 17).accuracy(), 1e-15);
        assertEquals(0.85, TokenStats.accuracy(17, 20), 1e-15);
    }

    @Test
    void sumsAreTokenWeighted() {
        TokenStats sum =
                TokenStats.ZERO.plus(new TokenStats(1, 1, 1)).plus(new TokenStats(9, 9, 0));
        assertEquals(new TokenStats(10, 10, 1), sum);
        assertEquals(0.1, sum.accuracy(), 1e-15); // not the mean (1 + 0) / 2 of batch accuracies
        assertEquals(1.0, sum.meanNll(), 1e-15);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenStats(0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new TokenStats(0, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> new TokenStats(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenStats.accuracy(3, 2));
        assertThrows(IllegalArgumentException.class, () -> TokenStats.accuracy(-1, 2));
    }
}
