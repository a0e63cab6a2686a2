package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Corpus BLEU pinned to sacreBLEU's published values: its README ("Using SacreBLEU from Python")
 * and {@code test/test_bleu.py} (mjpost/sacrebleu, v2.6.0). sacreBLEU checks these to 1e-8; so do
 * we, on the 0–100 scale.
 */
class BleuTest {

    static final double EPSILON = 1e-8;

    static final List<String> HYPS =
            List.of(
                    "The dog bit the man.",
                    "It wasn't surprising.",
                    "The man had just bitten him.");
    static final List<String> STREAM_1 =
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    static final List<String> STREAM_2 =
            List.of(
                    "The dog had bit the man.",
                    "No one was surprised.",
                    "The man had bitten the dog.");
    static final List<List<String>> REFS = References.fromStreams(List.of(STREAM_1, STREAM_2));

    private static BleuScore corpus(BleuBuilder builder) {
        return builder.build().corpusScore(HYPS, REFS);
    }

    /** sacreBLEU's {@code raw_corpus_bleu}: no tokenization, floor smoothing, effective order. */
    private static Bleu raw(double floor) {
        return Bleu.builder()
                .optTokenizer(BleuTokenizer.NONE)
                .optSmoothing(Smoothing.FLOOR)
                .optSmoothingValue(floor)
                .optEffectiveOrder(true)
                .build();
    }

    private static BleuScore rawScore(double floor, String hyp, String ref) {
        return raw(floor).corpusScore(List.of(hyp), List.of(List.of(ref)));
    }

    @Test
    void readmeExampleMatchesSacreBleu() {
        BleuScore score = corpus(Bleu.builder());
        assertEquals(48.530827, score.score(), EPSILON);
        // README: BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ...)
        assertEquals(
                "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17"
                        + " ref_len = 18)",
                score.toString());
        // README: nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0
        assertEquals(
                "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x", score.signature());
    }

    @Test
    void readmeExampleStatisticsAddUp() {
        BleuScore score = corpus(Bleu.builder());
        assertArrayEquals(new long[] {14, 7, 5, 3}, score.counts());
        assertArrayEquals(new long[] {17, 14, 11, 8}, score.totals());
        assertEquals(Math.exp(1 - 18.0 / 17), score.bp(), 1e-15);
    }

    @Test
    void tokenizersAndSmoothingMatchTestBleuPy() {
        // test_bleu.py, test_corpus_bleu_cases
        assertEquals(
                49.1919566,
                corpus(Bleu.builder().optTokenizer(BleuTokenizer.NONE)).score(),
                EPSILON);
        assertEquals(
                48.530827,
                corpus(Bleu.builder().optTokenizer(BleuTokenizer.MTEVAL_13A)).score(),
                EPSILON);
        assertEquals(
                43.91623493,
                corpus(Bleu.builder().optTokenizer(BleuTokenizer.INTL)).score(),
                EPSILON);
        assertEquals(
                48.530827, corpus(Bleu.builder().optSmoothing(Smoothing.NONE)).score(), EPSILON);
    }

    @Test
    void emptyHypothesesAreKeptAndScoreZero() {
        // test_bleu.py: (('', '', ''), _refs, {}, 0.0)
        BleuScore score = Bleu.builder().build().corpusScore(List.of("", "", ""), REFS);
        assertEquals(0.0, score.score());
        assertEquals(0, score.sysLen());
        assertEquals(0.0, score.bp());
    }

    @Test
    void maxNgramOrderMatchesTestBleuPy() {
        // test_bleu.py, test_bleu_max_order: compared as "%.2f" strings
        String[] expected = {"77.65", "60.50", "53.93", "48.53", "46.14", "43.28"};
        for (int order = 1; order <= 6; order++) {
            BleuScore score = corpus(Bleu.builder().optMaxNgramOrder(order));
            assertEquals(expected[order - 1], PythonText.fixed(score.score(), 2), "order " + order);
        }
    }

    @Test
    void rawCorpusBleuMatchesTestBleuPy() {
        // test_bleu.py, test_raw_bleu_cases (scores there are divided by 100)
        BleuScore noMatch =
                raw(0.01)
                        .corpusScore(
                                List.of("this is a test", "another test"),
                                List.of(List.of("ref1"), List.of("ref2")));
        assertEquals(0.0, noMatch.score());
        assertEquals(100.0, rawScore(0.01, "this is a test", "this is a test").score(), 1e-6);
        assertEquals(
                22.3606797749979, rawScore(0.01, "this is a fest", "this is a test").score(), 1e-6);
    }

    @Test
    void effectiveOrderMatchesTestBleuPy() {
        // test_bleu.py, test_case_effective_order (raw_corpus_bleu, floor 0.01)
        assertEquals(36.78794411714425, rawScore(0.01, "test", "a test").score(), 1e-6);
        assertEquals(100.0, rawScore(0.01, "a test", "a test").score(), 1e-6);
        assertEquals(3.218297948685433, rawScore(0.01, "a little test", "a test").score(), 1e-6);
    }

    @Test
    void countsAndTotalsMatchTestBleuPy() {
        // test_bleu.py, test_case_statistics
        BleuScore score =
                rawScore(0.01, "am I am a character sequence", "I am a symbol string sequence a a");
        assertArrayEquals(new long[] {4, 2, 1, 0}, score.counts());
        assertArrayEquals(new long[] {6, 5, 4, 3}, score.totals());
    }

    @Test
    void floorOffsetMatchesTestBleuPy() {
        // test_bleu.py, test_case_offset: floor 0.0 gives 0, the default floor 0.1 gives 0.1555...
        String hyp = "am I am a character sequence";
        String ref = "I am a symbol string sequence a a";
        assertEquals(0.0, rawScore(0.0, hyp, ref).score());
        BleuScore byDefault =
                Bleu.builder()
                        .optTokenizer(BleuTokenizer.NONE)
                        .optSmoothing(Smoothing.FLOOR)
                        .optEffectiveOrder(true)
                        .build()
                        .corpusScore(List.of(hyp), List.of(List.of(ref)));
        assertEquals(15.55722182, byDefault.score(), 1e-6);
        assertEquals(byDefault.score(), rawScore(0.1, hyp, ref).score());
    }

    @Test
    void scoreFromStatisticsMatchesTestBleuPy() {
        // test_bleu.py, test_case_scoring: compute_bleu's default smoothing is 'none'
        Bleu bleu = Bleu.builder().optSmoothing(Smoothing.NONE).build();
        BleuStatistics stats =
                new BleuStatistics(11, 11, new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4});
        assertEquals(83.75922397, bleu.score(stats).score(), 1e-6);
    }

    @Test
    void degenerateStatisticsScoreExactlyZero() {
        // test_bleu.py, test_case_degenerate_stats: ((common, total), sys_len, ref_len), floor
        long[][][] stats = {
            {{0, 0, 0, 0}, {4, 4, 2, 1}, {0, 1}},
            {{0, 0, 0, 0}, {10, 11, 12, 0}, {14, 10}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0}},
            {{6, 5, 4, 0}, {6, 5, 4, 3}, {6, 6}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 5}},
        };
        double[] offsets = {0.0, 0.0, 0.0, 0.0, 0.1, 0.01};
        for (int i = 0; i < stats.length; i++) {
            Bleu bleu =
                    Bleu.builder()
                            .optSmoothing(Smoothing.FLOOR)
                            .optSmoothingValue(offsets[i])
                            .build();
            BleuStatistics s =
                    new BleuStatistics(stats[i][2][0], stats[i][2][1], stats[i][0], stats[i][1]);
            assertEquals(
                    0.0, bleu.score(s).score(), "case " + i + ": " + Arrays.deepToString(stats[i]));
        }
    }

    @Test
    void missingReferenceMakesNrefsVariable() {
        // README "Variable Number of References": the first reference of stream 1 removed
        List<String> stream1 = new ArrayList<>(STREAM_1);
        stream1.set(0, null);
        BleuScore score =
                Bleu.builder()
                        .build()
                        .corpusScore(HYPS, References.fromStreams(List.of(stream1, STREAM_2)));
        assertEquals(
                "BLEU = 29.44 82.4/42.9/27.3/12.5 (BP = 0.889 ratio = 0.895 hyp_len = 17"
                        + " ref_len = 19)",
                score.toString());
        assertEquals(
                "nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x", score.signature());
    }

    @Test
    void emptyReferenceCountsAsAReferenceOfLengthZero() {
        // sacreBLEU >= 2.2 keeps '' references (CHANGELOG 2.2.0, #161): same score, nrefs:2
        List<String> stream1 = new ArrayList<>(STREAM_1);
        stream1.set(0, "");
        BleuScore score =
                Bleu.builder()
                        .build()
                        .corpusScore(HYPS, References.fromStreams(List.of(stream1, STREAM_2)));
        assertEquals("29.44", PythonText.fixed(score.score(), 2));
        assertEquals(19, score.refLen());
        assertEquals(
                "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x", score.signature());
    }

    @Test
    void signatureNamesEverySetting() {
        Bleu bleu =
                Bleu.builder()
                        .optTokenizer(BleuTokenizer.INTL)
                        .optSmoothing(Smoothing.FLOOR)
                        .optLowercase(true)
                        .optEffectiveOrder(true)
                        .build();
        assertEquals(
                "nrefs:1|case:lc|eff:yes|tok:intl|smooth:floor[0.10]|version:2.x.x",
                bleu.sentenceScore("a b", List.of("a b")).signature());
        assertEquals(
                "nrefs:3|case:mixed|eff:no|tok:none|smooth:add-k[2.00]|version:2.x.x",
                Bleu.builder()
                        .optTokenizer(BleuTokenizer.NONE)
                        .optSmoothing(Smoothing.ADD_K)
                        .optSmoothingValue(2)
                        .build()
                        .signature("3"));
    }
}
