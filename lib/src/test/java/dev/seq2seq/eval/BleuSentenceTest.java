package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Sentence BLEU pinned to sacreBLEU's {@code test/test_sentence_bleu.py} (mjpost/sacrebleu v2.6.0).
 * Its expected values are published with 3 to 5 decimals and checked there to 1e-3, so that is the
 * tolerance here too.
 */
class BleuSentenceTest {

    // test_sentence_bleu.py, "Example taken from #98"
    static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
    static final String SYS =
            "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    private static double sentence(
            Smoothing smoothing, Double value, boolean lowercase, BleuTokenizer tokenizer) {
        BleuBuilder builder =
                Bleu.sentenceBuilder()
                        .optSmoothing(smoothing)
                        .optLowercase(lowercase)
                        .optTokenizer(tokenizer);
        if (value != null) {
            builder.optSmoothingValue(value);
        }
        return builder.build().sentenceScore(SYS, List.of(REF)).score();
    }

    @Test
    void smoothingMethodsMatchTestSentenceBleuPy() {
        BleuTokenizer tok = BleuTokenizer.MTEVAL_13A;
        assertEquals(8.493, sentence(Smoothing.EXP, null, false, tok), 1e-3);
        assertEquals(0.0, sentence(Smoothing.NONE, null, false, tok), 1e-3);
        assertEquals(4.51688, sentence(Smoothing.FLOOR, null, false, tok), 1e-3);
        assertEquals(4.51688, sentence(Smoothing.FLOOR, 0.1, false, tok), 1e-3);
        assertEquals(10.10, sentence(Smoothing.FLOOR, 0.5, false, tok), 1e-3);
        assertEquals(14.882, sentence(Smoothing.ADD_K, null, false, tok), 1e-3);
        assertEquals(14.882, sentence(Smoothing.ADD_K, 1.0, false, tok), 1e-3);
        assertEquals(21.389, sentence(Smoothing.ADD_K, 2.0, false, tok), 1e-3);
    }

    @Test
    void tokenizersAndCaseMatchTestSentenceBleuPy() {
        assertEquals(7.347, sentence(Smoothing.EXP, null, false, BleuTokenizer.NONE), 1e-3);
        assertEquals(8.493, sentence(Smoothing.EXP, null, false, BleuTokenizer.INTL), 1e-3);
        assertEquals(40.8759, sentence(Smoothing.EXP, null, false, BleuTokenizer.CHAR), 1e-3);
        assertEquals(42.0267, sentence(Smoothing.EXP, null, true, BleuTokenizer.CHAR), 1e-3);
    }

    @Test
    void noUnigramMatchScoresZeroWhateverTheSmoothing() {
        // test_sentence_bleu.py, "Example taken from #141"
        for (Smoothing smoothing : Smoothing.values()) {
            double score =
                    Bleu.sentenceBuilder()
                            .optSmoothing(smoothing)
                            .build()
                            .sentenceScore("this is a cat", List.of("okay thanks"))
                            .score();
            assertEquals(0.0, score, smoothing.name());
        }
    }

    @Test
    void sentenceBuilderDiffersFromCorpusDefaultsOnlyInEffectiveOrder() {
        assertEquals(
                "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.x.x",
                Bleu.sentenceBuilder().build().signature("1"));
        assertEquals(
                "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x",
                Bleu.builder().build().signature("1"));
    }

    @Test
    void effectiveOrderRescuesShortSentences() {
        // a two-token hypothesis has no 3- or 4-grams: without the effective order BLEU is 0
        List<String> refs = List.of("a test");
        assertEquals(0.0, Bleu.builder().build().sentenceScore("a test", refs).score());
        assertEquals(
                100.0, Bleu.sentenceBuilder().build().sentenceScore("a test", refs).score(), 1e-9);
    }

    @Test
    void expSmoothingHalvesEachFurtherOrderWithoutMatches() {
        // "a b c d" vs "a b x d": unigrams 3/4 and bigrams 1/3 match; trigrams 0/2 and 4-grams 0/1
        // get
        // 100 / (2 * 2) and 100 / (4 * 1) percent
        BleuScore score = Bleu.builder().build().sentenceScore("a b c d", List.of("a b x d"));
        double[] p = score.precisions();
        assertEquals(75.0, p[0], 1e-12);
        assertEquals(100.0 / 3, p[1], 1e-12);
        assertEquals(25.0, p[2], 1e-12);
        assertEquals(25.0, p[3], 1e-12);
        double expected = Math.exp((Math.log(75) + Math.log(100.0 / 3) + 2 * Math.log(25)) / 4);
        assertEquals(expected, score.score(), 1e-9);
    }

    @Test
    void sentenceScoreEqualsCorpusScoreOfOneSegment() {
        Bleu bleu = Bleu.builder().build();
        List<String> refs = List.of("The man bit him first.", "The man had bitten the dog.");
        String hyp = "The man had just bitten him.";
        assertEquals(bleu.corpusScore(List.of(hyp), List.of(refs)), bleu.sentenceScore(hyp, refs));
        assertTrue(bleu.sentenceScore(hyp, refs).signature().startsWith("nrefs:2|"));
    }
}
