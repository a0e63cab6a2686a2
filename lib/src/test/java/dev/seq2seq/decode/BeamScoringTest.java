package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeamScoringTest {

    @Test
    void rawScoringIsTheLogProbability() {
        BeamScoring raw = BeamScoring.raw();
        assertEquals(-3.5, raw.score(-3.5, 7, new float[][] {{0.2f, 0.1f}}), 0);
        assertEquals(1.0, raw.lengthPenalty(40), 0);
    }

    @Test
    void gnmtLengthPenaltyIsFivePlusLengthOverSixToTheAlpha() {
        BeamScoring gnmt = new BeamScoring(0.6, false, 0);
        assertEquals(1.0, gnmt.lengthPenalty(1), 1e-12);
        assertEquals(Math.pow(2.0, 0.6), gnmt.lengthPenalty(7), 1e-12);
        assertEquals(-4.0 / Math.pow(2.0, 0.6), gnmt.score(-4.0, 7, null), 1e-12);
    }

    @Test
    void lengthNormalizationDividesByTheNumberOfSteps() {
        assertEquals(-0.5, new BeamScoring(0, true, 0).score(-2.0, 4, null), 1e-12);
    }

    @Test
    void coveragePenaltyIsZeroForFullCoverageAndNegativeOtherwise() {
        BeamScoring coverage = new BeamScoring(0, false, 0.5);
        float[][] full = {{0.5f, 0.5f}, {0.5f, 0.5f}, {0.9f, 0.1f}};
        assertEquals(0.0, coverage.coveragePenalty(full), 1e-12);
        float[][] partial = {{0.8f, 0.2f}, {0.9f, 0.1f}};
        assertEquals(0.5 * Math.log(0.3f + 0f), coverage.coveragePenalty(partial), 1e-6);
        float[][] none = {{1f, 0f}};
        assertEquals(
                0.5 * Math.log(BeamScoring.MIN_COVERAGE), coverage.coveragePenalty(none), 1e-9);
        assertEquals(0.0, coverage.coveragePenalty(null), 0);
    }

    @Test
    void boundIsAtLeastTheScoreOfEveryCompletion() {
        for (BeamScoring scoring :
                new BeamScoring[] {
                    BeamScoring.raw(), new BeamScoring(0.6, false, 0.2), new BeamScoring(0, true, 0)
                }) {
            double live = -2.0;
            double bound = scoring.bound(live, 10);
            for (int length = 3; length <= 10; length++) {
                for (double more = 0; more <= 5; more += 0.25) {
                    double score = scoring.score(live - more, length, new float[][] {{0.4f}});
                    assertTrue(score <= bound, scoring + " length " + length + " more " + more);
                }
            }
        }
    }

    @Test
    void largerAlphaNeverPrefersTheShorterOfTwoHypotheses() {
        double shortLogProb = -2.0; // 2 steps
        for (double longLogProb = -2.0; longLogProb >= -8; longLogProb -= 0.5) { // 6 steps
            boolean longerWon = false;
            for (double alpha = 0; alpha <= 3; alpha += 0.25) {
                BeamScoring s = new BeamScoring(alpha, false, 0);
                boolean longer = s.score(longLogProb, 6, null) > s.score(shortLogProb, 2, null);
                assertTrue(longer || !longerWon, "alpha " + alpha + ", logP " + longLogProb);
                longerWon |= longer;
            }
        }
    }

    @Test
    void badValuesAreRejectedNamingThem() {
        assertMessage("alpha", () -> new BeamScoring(-1, false, 0));
        assertMessage("alpha", () -> new BeamScoring(Double.NaN, false, 0));
        assertMessage("beta", () -> new BeamScoring(0, false, -0.5));
        assertMessage("either length normalisation", () -> new BeamScoring(0.6, true, 0));
    }

    private static void assertMessage(String expected, Runnable constructor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
