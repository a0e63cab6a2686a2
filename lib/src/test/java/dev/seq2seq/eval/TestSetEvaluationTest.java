package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.Language;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Translation;

import org.junit.jupiter.api.Test;

import java.util.List;

class TestSetEvaluationTest {

    private static final List<ReferenceGroup> GROUPS =
            List.of(
                    new ReferenceGroup("Tom is here.", List.of("Tom est ici.", "Tom est là.")),
                    new ReferenceGroup("I saw it.", List.of("Je l’ai vu.")));

    private static Translation translation(String text, String... sourceTokens) {
        return new Translation("", List.of(sourceTokens), List.of(), text, null);
    }

    @Test
    void lowerCaseOutputLosesOnlyTheCaseSensitiveScore() {
        TestSetEvaluation lower =
                TestSetEvaluation.score(
                        List.of(translation("tom est ici."), translation("je l'ai vu.")),
                        GROUPS,
                        Language.FRENCH);
        assertEquals(100.0, lower.bleu().score(), 1e-9);
        assertEquals(100.0, lower.chrf().score(), 1e-9);
        assertTrue(lower.caseSensitiveBleu().score() < 60, lower.caseSensitiveBleu().toString());
        assertTrue(lower.bleu().signature().contains("case:lc"), lower.bleu().signature());
        assertTrue(
                lower.caseSensitiveBleu().signature().contains("case:mixed"),
                lower.caseSensitiveBleu().signature());
        // references keep their case, normalised (one apostrophe)
        assertEquals(List.of("Je l'ai vu."), lower.references().get(1));

        TestSetEvaluation cased =
                TestSetEvaluation.score(
                        List.of(translation("Tom est ici."), translation("Je l'ai vu.")),
                        GROUPS,
                        Language.FRENCH);
        assertEquals(100.0, cased.caseSensitiveBleu().score(), 1e-9);
        assertEquals(100.0, cased.bleu().score(), 1e-9);
    }

    @Test
    void lengthBucketsCountSubwordUnitsAsWords() {
        TestSetEvaluation e =
                TestSetEvaluation.score(
                        List.of(
                                translation(
                                        "tom est ici.", "to@@", "m", "is", "here", ".", "<eos>"),
                                translation("je l'ai vu.", "i", "saw", "it", ".", "<eos>")),
                        GROUPS,
                        Language.FRENCH);
        List<LengthBucketScore> buckets = e.bleuByLength(3, 4, Integer.MAX_VALUE);
        assertEquals(List.of(0, 2, 0), buckets.stream().map(LengthBucketScore::sentences).toList());
    }

    @Test
    void theWholeSetIntervalIsCenteredOnTheCorpusScoreAndBracketsIt() {
        TestSetEvaluation e =
                TestSetEvaluation.score(
                        List.of(translation("Tom est là."), translation("Je l'ai eu.")),
                        GROUPS,
                        Language.FRENCH);
        PairedBootstrap.Estimate interval = e.bleuInterval(PairedBootstrap.builder().build());
        assertEquals(e.bleu().score(), interval.score(), 1e-9);
        assertTrue(interval.ci() > 0, interval.toString());
        assertTrue(
                Math.abs(interval.mean() - e.bleu().score()) <= interval.ci(), interval.toString());
    }

    @Test
    void oneTranslationPerSentenceIsRequired() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TestSetEvaluation.score(List.of(), GROUPS, Language.FRENCH));
    }
}
