package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class BpeLearnerTest {

    /** The dictionary of Sennrich et al. (2016), Algorithm 1. */
    private static Map<String, Long> toyVocabulary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("low", 5L);
        counts.put("lower", 2L);
        counts.put("newest", 6L);
        counts.put("widest", 3L);
        return counts;
    }

    private static List<String> learn(BpeLearner.Builder builder, Map<String, Long> counts) {
        return builder.build().learn(counts).merges().stream().map(Object::toString).toList();
    }

    @Test
    void thePapersToyVocabularyGivesThePapersMerges() {
        // Algorithm 1 of the paper, run as printed (end-of-word marker a symbol of its own)
        List<String> merges =
                learn(
                        BpeLearner.builder()
                                .setMerges(10)
                                .optEndOfWord(BpeCodes.EndOfWord.SEPARATE),
                        toyVocabulary());
        assertEquals(
                List.of(
                        "e s",
                        "es t",
                        "est </w>",
                        "l o",
                        "lo w",
                        "n e",
                        "ne w",
                        "new est</w>",
                        "low </w>",
                        "w i"),
                merges);
    }

    @Test
    void withTheMarkerAttachedTheWordFinalMergesComeFirst() {
        // the paper's code on 'l o w</w>' etc. (subword-nmt's version 0.2 start)
        List<String> merges = learn(BpeLearner.builder().setMerges(10), toyVocabulary());
        assertEquals(
                List.of(
                        "e s",
                        "es t</w>",
                        "l o",
                        "n e",
                        "ne w",
                        "new est</w>",
                        "lo w</w>",
                        "w i",
                        "wi d",
                        "wid est</w>"),
                merges);
    }

    @Test
    void learnsSubwordNmtsCodesFromItsTestCorpus() {
        BpeCodes expected = BpeCodes.load(SubwordNmtData.codesFile());
        BpeCodes learned =
                BpeLearner.builder()
                        .setMerges(1000)
                        .optTieBreak(BpeLearner.TieBreak.LARGER_PAIR)
                        .build()
                        .learn(BpeLearner.countWords(SubwordNmtData.corpus()));
        assertEquals(expected.merges(), learned.merges());
    }

    @Test
    void stopsWhenTheBestPairFallsBelowTheMinimumFrequency() {
        BpeCodes codes =
                BpeLearner.builder()
                        .setMerges(1000)
                        .optMinFrequency(3)
                        .build()
                        .learn(toyVocabulary());
        // 'w i' (3) is merged, nothing of count 2 ('lo w' in lower, 'e r</w>') is
        assertTrue(codes.size() < 1000);
        assertTrue(codes.rank("e", "r</w>") < 0);
        assertTrue(codes.rank("w", "i") >= 0);
        BpeCodes all =
                BpeLearner.builder()
                        .setMerges(1000)
                        .optMinFrequency(1)
                        .build()
                        .learn(toyVocabulary());
        // with no minimum, merging goes on until every word is one symbol
        BpeEncoder encoder = new BpeEncoder(all);
        for (String word : toyVocabulary().keySet()) {
            assertEquals(List.of(word), encoder.encode(List.of(word)));
        }
    }

    @Test
    void countsEachWordAsOftenAsItOccurs() {
        Map<String, Long> counts =
                BpeLearner.countWords(List.of(List.of("a", "b", "a"), List.of("b", "c")));
        assertEquals(List.of("a", "b", "c"), List.copyOf(counts.keySet()));
        assertEquals(List.of(2L, 2L, 1L), List.copyOf(counts.values()));
    }

    @Test
    void zeroMergesGiveEmptyCodes() {
        assertEquals(0, learn(BpeLearner.builder().setMerges(0), toyVocabulary()).size());
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalStateException.class, () -> BpeLearner.builder().build());
        assertThrows(
                IllegalStateException.class,
                () -> BpeLearner.builder().setMerges(1).optMinFrequency(0).build());
        BpeLearner learner = BpeLearner.builder().setMerges(5).build();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> learner.learn(Map.of("a b", 3L)));
        assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> learner.learn(Map.of("ab", 0L)));
    }
}
