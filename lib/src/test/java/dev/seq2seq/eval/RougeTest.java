package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * ROUGE pinned to rouge-score's {@code rouge/rouge_scorer_test.py} (google-research). Note its
 * argument order: {@code score(target, prediction)}, i.e. reference first.
 */
class RougeTest {

    // rouge/testdata/target.txt and prediction.txt, lines 1 and 2 (random text, on purpose)
    static final String TARGET_0 =
            "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing"
                    + " Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer"
                    + " tKM L";
    static final String TARGET_1 =
            "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing"
                    + " sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing"
                    + " tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw"
                    + " p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN";
    static final String PREDICTION_0 =
            "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi";
    static final String PREDICTION_1 =
            "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed"
                    + " HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion"
                    + " UCAPwNHeYVjD";

    /** assertAlmostEqual(expected, actual, places=5): |difference| rounds to 0 at 5 places. */
    private static void assertScore(double p, double r, double f, RougeScore actual) {
        assertEquals(p, actual.precision(), 5e-6, "precision");
        assertEquals(r, actual.recall(), 5e-6, "recall");
        assertEquals(f, actual.f1(), 5e-6, "f1");
    }

    private static RougeScores score(String target, String prediction) {
        return Rouge.sentenceScores(prediction, List.of(target));
    }

    @Test
    void smallExamplesMatchRougeScorerTest() {
        // testRouge1, testRouge2, testRougeLConsecutive, testRougeLNonConsecutive
        assertScore(1, 1.0 / 3, 1.0 / 2, score("testing one two", "testing").rouge1());
        assertScore(1, 1.0 / 2, 2.0 / 3, score("testing one two", "testing one").rouge2());
        assertScore(1, 2.0 / 3, 4.0 / 5, score("testing one two", "testing one").rougeL());
        assertScore(1, 2.0 / 3, 4.0 / 5, score("testing one two", "testing two").rougeL());
        // testMultipleRougeTypes
        assertScore(1, 2.0 / 3, 4.0 / 5, score("testing one two", "testing one").rouge1());
    }

    @Test
    void emptyPredictionScoresZero() {
        // testRougeEmpty
        RougeScores s = score("testing one two", "");
        for (RougeScore part : List.of(s.rouge1(), s.rouge2(), s.rougeL())) {
            assertEquals(RougeScore.ZERO, part);
        }
    }

    @Test
    void testdataMatchesRouge155() {
        // testRouge1AgainstRouge155, testRouge2AgainstRouge155, testRougeLAgainstRouge155
        RougeScores first = score(TARGET_0, PREDICTION_0);
        assertScore(0.68750, 0.40741, 0.51163, first.rouge1());
        assertScore(0.53333, 0.30769, 0.39024, first.rouge2());
        assertScore(0.68750, 0.40741, 0.51163, first.rougeL());
        RougeScores second = score(TARGET_1, PREDICTION_1);
        assertScore(0.65385, 0.40476, 0.50000, second.rouge1());
        assertScore(0.48000, 0.29268, 0.36364, second.rouge2());
        assertScore(0.65385, 0.40476, 0.50000, second.rougeL());
    }

    @Test
    void lcsLengthMatchesTestLcsTable() {
        // testLcsTable: ref [1 2 3 4 5] vs [2 5 3 4] -> 3; vs [8 9] -> 0
        List<String> ref = List.of("1", "2", "3", "4", "5");
        assertEquals(3, Rouge.lcsLength(ref, List.of("2", "5", "3", "4")));
        assertEquals(0, Rouge.lcsLength(ref, List.of("8", "9")));
        assertEquals(0, Rouge.lcsLength(List.of(), ref));
    }

    @Test
    void tokenizerKeepsLowerCaseAsciiAlphanumericRuns() {
        assertEquals(
                List.of("it", "s", "a", "caf", "in", "2019", "x2"),
                Rouge.tokenize("It's a Café, in 2019 -- X2!"));
        assertEquals(List.of(), Rouge.tokenize("/ !"));
    }

    @Test
    void eachVariantTakesItsBestReference() {
        // worked by hand: "d c b a" wins ROUGE-1 (F1 1), "a b c d e f g h" wins ROUGE-2 (3/3,
        // 3/7) and ROUGE-L (LCS 4: 4/4, 4/8)
        RougeScores s = Rouge.sentenceScores("a b c d", List.of("a b c d e f g h", "d c b a"));
        assertScore(1, 1, 1, s.rouge1());
        assertScore(1, 3.0 / 7, 0.6, s.rouge2());
        assertScore(1, 0.5, 2.0 / 3, s.rougeL());
    }

    @Test
    void corpusScoreIsTheMeanOfSegmentScores() {
        RougeScores corpus =
                Rouge.corpusScores(
                        List.of("testing", "testing one"),
                        List.of(List.of("testing one two"), List.of("testing one two")));
        assertEquals((1.0 / 2 + 4.0 / 5) / 2, corpus.rouge1().f1(), 1e-12);
        assertEquals((1.0 / 3 + 2.0 / 3) / 2, corpus.rougeL().recall(), 1e-12);
        assertEquals((0 + 2.0 / 3) / 2, corpus.rouge2().f1(), 1e-12);
        assertEquals("ROUGE-1 = 65.00 ROUGE-2 = 33.33 ROUGE-L = 65.00", corpus.toString());
    }

    @Test
    void degenerateInputGivesZeroAndInvalidInputThrows() {
        RougeScores empty = Rouge.corpusScores(List.of(), List.of());
        assertEquals(RougeScore.ZERO, empty.rouge1());
        assertEquals(RougeScore.ZERO, score("", "").rougeL());
        assertEquals(RougeScore.ZERO, score("a", "").rouge2());
        assertScore(1, 1, 1, score("word", "word").rouge1());
        assertEquals(RougeScore.ZERO, score("word", "word").rouge2());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Rouge.corpusScores(List.of("a", "b"), List.of(List.of("a"))));
        assertTrue(e.getMessage().contains("2 hypotheses but 1 reference lists"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rouge.sentenceScores("a", List.of()));
        assertThrows(
                IllegalArgumentException.class, () -> Rouge.sentenceScores(null, List.of("a")));
    }
}
