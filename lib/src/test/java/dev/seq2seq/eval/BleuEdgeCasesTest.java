package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** BLEU on degenerate input: always a number (0 where nothing matches), or a clear exception. */
class BleuEdgeCasesTest {

    private static final List<Bleu> ALL_SETTINGS = new ArrayList<>();

    static {
        for (Smoothing smoothing : Smoothing.values()) {
            for (boolean effective : new boolean[] {false, true}) {
                ALL_SETTINGS.add(
                        Bleu.builder()
                                .optSmoothing(smoothing)
                                .optEffectiveOrder(effective)
                                .build());
            }
        }
    }

    private static void assertFinite(BleuScore score, String what) {
        assertTrue(Double.isFinite(score.score()), what + ": " + score);
        assertTrue(Double.isFinite(score.bp()), what + ": " + score);
        assertTrue(Arrays.stream(score.precisions()).allMatch(Double::isFinite), what);
        assertTrue(score.score() >= 0 && score.score() <= 100 + 1e-9, what + ": " + score);
    }

    @Test
    void degenerateSegmentsNeverGiveNaN() {
        String[][] cases = {
            {"", "a reference"},
            {"a hypothesis", ""},
            {"", ""},
            {"word", "word"},
            {"word", "other"},
            {"   ", "a b c d e"},
            {"a b c d e f", "f e d c b a"},
        };
        for (Bleu bleu : ALL_SETTINGS) {
            for (String[] c : cases) {
                assertFinite(
                        bleu.sentenceScore(c[0], List.of(c[1])),
                        bleu.signature("1") + " " + Arrays.toString(c));
            }
        }
    }

    @Test
    void emptyHypothesisScoresZeroWithZeroBrevityPenalty() {
        BleuScore score = Bleu.builder().build().sentenceScore("", List.of("a reference"));
        assertEquals(0.0, score.score());
        assertEquals(0.0, score.bp());
        assertEquals(
                "BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 2)",
                score.toString());
    }

    @Test
    void emptyReferenceScoresZeroAndRatioZero() {
        BleuScore score = Bleu.builder().build().sentenceScore("a hypothesis", List.of(""));
        assertEquals(0.0, score.score());
        assertEquals(1.0, score.bp());
        assertEquals(0.0, score.ratio());
    }

    @Test
    void oneTokenHypothesisNeedsTheEffectiveOrder() {
        List<String> refs = List.of("yes");
        assertEquals(0.0, Bleu.builder().build().sentenceScore("yes", refs).score());
        assertEquals(
                100.0, Bleu.sentenceBuilder().build().sentenceScore("yes", refs).score(), 1e-9);
    }

    @Test
    void emptyCorpusScoresZero() {
        BleuScore score = Bleu.builder().build().corpusScore(List.of(), List.of());
        assertEquals(0.0, score.score());
        assertEquals(0, score.sysLen());
        assertEquals(
                "nrefs:0|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x", score.signature());
    }

    @Test
    void countMismatchNamesBothCounts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Bleu.builder()
                                        .build()
                                        .corpusScore(
                                                List.of("a", "b", "c"),
                                                List.of(List.of("a"), List.of("b"))));
        assertTrue(e.getMessage().contains("3 hypotheses"), e.getMessage());
        assertTrue(e.getMessage().contains("2 reference lists"), e.getMessage());
    }

    @Test
    void nullsAndMissingReferencesAreRejected() {
        Bleu bleu = Bleu.builder().build();
        assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> bleu.sentenceScore(null, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> bleu.sentenceScore("a", null));
        IllegalArgumentException none =
                assertThrows(
                        IllegalArgumentException.class, () -> bleu.sentenceScore("a", List.of()));
        assertTrue(none.getMessage().contains("segment 0 has no reference"), none.getMessage());
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> bleu.sentenceScore("a", withNull));
    }

    @Test
    void builderRejectsInvalidSettings() {
        assertThrows(
                IllegalArgumentException.class, () -> Bleu.builder().optTokenizer(null).build());
        assertThrows(
                IllegalArgumentException.class, () -> Bleu.builder().optSmoothing(null).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Bleu.builder().optSmoothingValue(-0.1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Bleu.builder().optSmoothingValue(Double.NaN).build());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Bleu.builder().optMaxNgramOrder(0).build());
        assertTrue(e.getMessage().contains("optMaxNgramOrder"), e.getMessage());
    }

    @Test
    void statisticsOfAnotherOrderAreRejected() {
        Bleu bleu = Bleu.builder().build();
        assertThrows(IllegalArgumentException.class, () -> bleu.score(BleuStatistics.zero(3)));
    }
}
