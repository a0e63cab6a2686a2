package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BleuScoreTest {

    private static final String SIGNATURE =
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x";

    @Test
    void formatsLikeSacreBleuWithPythonRounding() {
        // 0.25 and 0.125 are exact binary ties, which Python rounds half to even; 0.15 is stored
        // just below and 0.9995 just above the written value
        BleuScore score =
                new BleuScore(
                        0.125,
                        new double[] {0.25, 0.15, 100, 0},
                        0.9995,
                        62880,
                        61287,
                        new long[4],
                        new long[4],
                        SIGNATURE);
        assertEquals(
                "BLEU = 0.12 0.2/0.1/100.0/0.0 (BP = 1.000 ratio = 1.026 hyp_len = 62880"
                        + " ref_len = 61287)",
                score.toString());
    }

    @Test
    void signedStringMatchesSacreBleuTextOutput() {
        // README: BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 20.8
        //         54.4/26.6/14.9/8.7 (BP = 1.000 ratio = 1.026 hyp_len = 62880 ref_len = 61287)
        BleuScore score =
                new BleuScore(
                        20.8,
                        new double[] {54.4, 26.6, 14.9, 8.7},
                        1.0,
                        62880,
                        61287,
                        new long[4],
                        new long[4],
                        SIGNATURE);
        assertEquals(
                "BLEU|"
                        + SIGNATURE
                        + " = 20.8 54.4/26.6/14.9/8.7 (BP = 1.000 ratio = 1.026"
                        + " hyp_len = 62880 ref_len = 61287)",
                score.toSignedString(1));
    }

    @Test
    void arraysAreCopiedAndEqualityIsByValue() {
        double[] precisions = {50, 25};
        BleuScore a =
                new BleuScore(1, precisions, 1, 2, 2, new long[] {1, 0}, new long[] {2, 1}, "s");
        precisions[0] = 0;
        assertArrayEquals(new double[] {50, 25}, a.precisions());
        assertEquals(
                a,
                new BleuScore(
                        1,
                        new double[] {50, 25},
                        1,
                        2,
                        2,
                        new long[] {1, 0},
                        new long[] {2, 1},
                        "s"));
        assertEquals(
                0.0,
                new BleuScore(0, new double[1], 1, 3, 0, new long[1], new long[1], "s").ratio());
    }

    @Test
    void brevityPenaltyIsOneForLongOutputsAndExpOfOneMinusRatioForShortOnes() {
        assertEquals(1.0, BleuScore.brevityPenalty(15, 14));
        assertEquals(1.0, BleuScore.brevityPenalty(14, 14));
        assertEquals(Math.exp(1 - 14.0 / 10), BleuScore.brevityPenalty(10, 14), 1e-12);
        assertEquals(0.0, BleuScore.brevityPenalty(0, 14));
        assertEquals(0.93106, BleuScore.brevityPenalty(14, 15), 1e-5); // exp(1 - 15/14)
        assertThrows(IllegalArgumentException.class, () -> BleuScore.brevityPenalty(-1, 3));
    }
}
