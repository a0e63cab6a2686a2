package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class SentenceStatisticsTest {

    static final List<String> HYPOTHESES =
            List.of(
                    "the cat is on the mat .",
                    "i am not sure .",
                    "he goes to school every day .",
                    "it is cold");
    static final List<List<String>> REFERENCES =
            List.of(
                    List.of("the cat sits on the mat .", "there is a cat on the mat ."),
                    List.of("i am not certain ."),
                    List.of("he goes to school each day ."),
                    List.of("it is cold today .", "it's cold ."));

    @Test
    void summedRowsGiveTheCorpusScores() {
        Bleu bleu = Bleu.builder().build();
        Chrf chrf = Chrf.builder().build();
        assertEquals(
                bleu.corpusScore(HYPOTHESES, REFERENCES).score(),
                SentenceStatistics.bleu(bleu, HYPOTHESES, REFERENCES).corpusScore(),
                1e-12);
        assertEquals(
                chrf.corpusScore(HYPOTHESES, REFERENCES).score(),
                SentenceStatistics.chrf(chrf, HYPOTHESES, REFERENCES).corpusScore(),
                1e-12);
    }

    @Test
    void aResampleScoresItsSentencesWithRepeats() {
        Bleu bleu = Bleu.builder().build();
        SentenceStatistics stats = SentenceStatistics.bleu(bleu, HYPOTHESES, REFERENCES);
        double expected =
                bleu.corpusScore(
                                List.of(HYPOTHESES.get(2), HYPOTHESES.get(0), HYPOTHESES.get(2)),
                                List.of(REFERENCES.get(2), REFERENCES.get(0), REFERENCES.get(2)))
                        .score();
        assertEquals(expected, stats.score(new int[] {2, 0, 2}), 1e-12);
        assertEquals("BLEU", stats.name());
        assertEquals(4, stats.size());
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        SentenceStatistics.bleu(
                                Bleu.builder().build(), HYPOTHESES, REFERENCES.subList(0, 3)));
    }
}
