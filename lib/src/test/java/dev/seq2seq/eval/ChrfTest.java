package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * chrF pinned to sacreBLEU's README ("Using SacreBLEU from Python") and {@code test/test_chrf.py}
 * (mjpost/sacrebleu v2.6.0), which checks to 1e-4 on the 0–100 scale; so do we.
 */
class ChrfTest {

    static final double EPSILON = 1e-4;

    /** test_chrf.py's corpus_chrf calls: char_order=6, word_order=0, beta=3. */
    private static double beta3(boolean eps, boolean whitespace, String hyp, String ref) {
        return Chrf.builder()
                .optBeta(3)
                .optEpsSmoothing(eps)
                .optWhitespace(whitespace)
                .build()
                .corpusScore(List.of(hyp), List.of(List.of(ref)))
                .score();
    }

    @Test
    void readmeExampleMatchesSacreBleu() {
        ChrfScore score = Chrf.builder().build().corpusScore(BleuTest.HYPS, BleuTest.REFS);
        // README: chrF2 = 59.73
        assertEquals("chrF2 = 59.73", score.toString());
        // the unrounded value, printed by sacreBLEU v2.6.0 run on the same input (not published)
        assertEquals(59.72751782684763, score.score(), 1e-9);
        assertEquals(
                "nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x.x", score.signature());
    }

    @Test
    void chrfPlusPlusOnReadmeExample() {
        // not published: printed by sacreBLEU v2.6.0 (CHRF(word_order=2)) on the README example
        ChrfScore score =
                Chrf.builder().optWordOrder(2).build().corpusScore(BleuTest.HYPS, BleuTest.REFS);
        assertEquals("chrF2++ = 59.15", score.toString());
        assertEquals(59.15310444399262, score.score(), 1e-9);
        assertEquals(
                "nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.x.x", score.signature());
    }

    @Test
    void epsSmoothingMatchesTestChrfPy() {
        // test_chrf.py, test_cases (eps_smoothing=True)
        assertEquals(0.0, beta3(true, false, "abcdefg", "hijklmnop"), EPSILON);
        assertEquals(0.0, beta3(true, false, "a", "b"), EPSILON);
        assertEquals(0.0, beta3(true, false, "", "b"), EPSILON);
        assertEquals(0.0, beta3(true, false, "", "ref"), EPSILON);
        assertEquals(0.0, beta3(true, false, "", "reference"), EPSILON);
        assertEquals(8.3333, beta3(true, false, "aa", "ab"), EPSILON);
        assertEquals(16.6667, beta3(true, false, "a", "a"), EPSILON);
        assertEquals(50.0, beta3(true, false, "a b c", "a b c"), EPSILON);
        assertEquals(50.0, beta3(true, false, "a b c", "abc"), EPSILON);
        assertEquals(
                63.361730,
                beta3(
                        true,
                        false,
                        " risk assessment must be made of those who are qualified and expertise in"
                                + " the sector - these are the scientists .",
                        "risk assessment has to be undertaken by those who are qualified and expert"
                                + " in that area - that is the scientists ."),
                EPSILON);
        assertEquals(
                64.1302698,
                beta3(
                        true,
                        false,
                        " Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade "
                                + " freundlich. ",
                        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade"
                                + " freundschaftlich."),
                EPSILON);
        String mauer = "Niemand hat die Absicht, eine Mauer zu errichten";
        assertEquals(100.0, beta3(true, false, mauer, mauer), EPSILON);
    }

    @Test
    void twoSegmentCorpusMatchesTestChrfPy() {
        // test_chrf.py: (["a", "b"], ["a", "c"], 8.3333) with eps, 50.0 with the effective order
        for (boolean eps : new boolean[] {true, false}) {
            double score =
                    Chrf.builder()
                            .optBeta(3)
                            .optEpsSmoothing(eps)
                            .build()
                            .corpusScore(List.of("a", "b"), List.of(List.of("a"), List.of("c")))
                            .score();
            assertEquals(eps ? 8.3333 : 50.0, score, EPSILON);
        }
    }

    @Test
    void effectiveOrderMatchesTestChrfPy() {
        // test_chrf.py, test_cases_effective_order (sacreBLEU < 2.0 behaviour, still the default)
        assertEquals(100.0, beta3(false, false, "a", "a"), EPSILON);
        assertEquals(0.0, beta3(false, false, "", "reference"), EPSILON);
        assertEquals(100.0, beta3(false, false, "a b c", "a b c"), EPSILON);
        assertEquals(100.0, beta3(false, false, "a b c", "abc"), EPSILON);
        assertEquals(0.0, beta3(false, false, "", "c"), EPSILON);
        assertEquals(25.0, beta3(false, false, "aa", "ab"), EPSILON);
    }

    @Test
    void keepingWhitespaceMatchesTestChrfPy() {
        // test_chrf.py, test_cases_keep_whitespace (remove_whitespace=False)
        assertEquals(
                67.3481606,
                beta3(
                        false,
                        true,
                        "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.",
                        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade"
                                + " freundschaftlich."),
                EPSILON);
        assertEquals(
                65.2414427,
                beta3(
                        false,
                        true,
                        "risk assessment must be made of those who are qualified and expertise in"
                                + " the sector - these are the scientists .",
                        "risk assessment has to be undertaken by those who are qualified and expert"
                                + " in that area - that is the scientists ."),
                EPSILON);
    }

    @Test
    void sentenceLevelMatchesTestChrfPy() {
        // test_chrf.py, test_sentence_level_chrf: sentence_chrf(eps_smoothing=True), beta 2
        Chrf chrf = Chrf.builder().optEpsSmoothing(true).build();
        assertEquals(
                39.14078509,
                chrf.sentenceScore(
                                "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo"
                                        + " zemře.",
                                List.of(
                                        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo"
                                                + " bude žít a kdo zemře."))
                        .score(),
                EPSILON);
        assertEquals(
                31.22557079,
                chrf.sentenceScore(
                                "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                                List.of(
                                        "A někdy nemáme ani potřebný materiál, abychom jim"
                                                + " pomohli, popsali lékaři."))
                        .score(),
                EPSILON);
        assertEquals(
                57.15704367,
                chrf.sentenceScore(
                                "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                                List.of(
                                        "Lapali po dechu a pak jejich život skončil - dřív, než"
                                                + " skutečně mohl začít, připomněli."))
                        .score(),
                EPSILON);
    }

    @Test
    void eachSegmentUsesItsBestReference() {
        Chrf chrf = Chrf.builder().build();
        String hyp = "The dog bit the man.";
        double alone = chrf.sentenceScore(hyp, List.of(hyp)).score();
        assertEquals(100.0, alone, 1e-9);
        assertEquals(alone, chrf.sentenceScore(hyp, List.of("Something else.", hyp)).score());
        assertEquals(
                "nrefs:2", chrf.sentenceScore(hyp, List.of("x", hyp)).signature().substring(0, 7));
    }

    @Test
    void wordsSplitOnePunctuationMarkPerWord() {
        // sacreBLEU's _remove_punctuation, including its issue #124: "(hi)" -> "(hi", ")"
        assertEquals(
                List.of("(hi", ")", "it's", "'quoted", "'", "a", ",", "b", ".", "..", ".", ";"),
                Chrf.words("(hi) it's 'quoted' a, b. ... ;"));
    }

    @Test
    void edgeCasesGiveZeroNotNaN() {
        for (boolean eps : new boolean[] {false, true}) {
            Chrf chrf = Chrf.builder().optWordOrder(2).optEpsSmoothing(eps).build();
            String[][] cases = {{"", "a"}, {"a", ""}, {"", ""}, {"x", "y"}, {"  ", " "}};
            for (String[] c : cases) {
                double score = chrf.sentenceScore(c[0], List.of(c[1])).score();
                assertTrue(score >= 0 && score < 1e-12, c[0] + "|" + c[1] + ": " + score);
            }
            assertEquals(0.0, chrf.corpusScore(List.of(), List.of()).score(), 1e-12);
        }
    }

    @Test
    void invalidInputIsRejected() {
        Chrf chrf = Chrf.builder().build();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> chrf.corpusScore(List.of("a"), List.of(List.of("a"), List.of("b"))));
        assertTrue(e.getMessage().contains("1 hypotheses but 2 reference lists"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chrf.sentenceScore("a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> chrf.sentenceScore(null, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Chrf.builder().optCharOrder(0).build());
        assertThrows(IllegalArgumentException.class, () -> Chrf.builder().optBeta(-1).build());
    }
}
