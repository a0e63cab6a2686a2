package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RougeScoreTest {

    @Test
    void f1IsTheHarmonicMeanAndZeroWithoutOverlap() {
        // rouge-score scoring.fmeasure: 2PR / (P + R), and 0 when P + R = 0
        assertEquals(2 * 0.4 * 0.8 / 1.2, RougeScore.of(0.4, 0.8).f1(), 1e-15);
        assertEquals(new RougeScore(0, 0, 0), RougeScore.of(0, 0));
        assertEquals(RougeScore.ZERO, RougeScore.of(0, 0));
    }
}
