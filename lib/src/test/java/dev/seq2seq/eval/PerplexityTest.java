package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PerplexityTest {

    @Test
    void uniformChoiceAmongKTokensHasPerplexityK() {
        assertEquals(50.0, Perplexity.fromMeanNegativeLogLikelihood(Math.log(50)), 1e-9);
        assertEquals(1.0, Perplexity.fromMeanNegativeLogLikelihood(0));
        assertEquals(
                Double.POSITIVE_INFINITY,
                Perplexity.fromMeanNegativeLogLikelihood(Double.POSITIVE_INFINITY));
    }

    @Test
    void totalIsDividedByTokenCountAndNoTokensGiveOne() {
        assertEquals(4.0, Perplexity.fromTotalNegativeLogLikelihood(10 * Math.log(4), 10), 1e-9);
        assertEquals(1.0, Perplexity.fromTotalNegativeLogLikelihood(0, 0));
    }

    @Test
    void invalidLikelihoodsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Perplexity.fromMeanNegativeLogLikelihood(Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> Perplexity.fromMeanNegativeLogLikelihood(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Perplexity.fromTotalNegativeLogLikelihood(1, -1));
    }
}
