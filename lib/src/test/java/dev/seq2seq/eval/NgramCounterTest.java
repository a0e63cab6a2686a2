package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class NgramCounterTest {

    @Test
    void wordNgramsAreCountedPerOrder() {
        List<String> tokens = List.of("a", "b", "a", "b");
        assertEquals(Map.of("a", 2, "b", 2), NgramCounter.wordNgrams(tokens, 1));
        assertEquals(Map.of("a b", 2, "b a", 1), NgramCounter.wordNgrams(tokens, 2));
        assertTrue(NgramCounter.wordNgrams(tokens, 5).isEmpty());
        assertEquals(4, NgramCounter.allWordNgrams(tokens, 4).size());
        assertEquals(1, NgramCounter.total(NgramCounter.allWordNgrams(tokens, 4).get(3)));
    }

    @Test
    void charNgramsCountCodePoints() {
        assertEquals(Map.of("ab", 1, "bc", 1), NgramCounter.charNgrams("abc", 2));
        // one emoji is one character, as in Python
        assertEquals(Map.of("😀a", 1), NgramCounter.charNgrams("😀a", 2));
        assertEquals(Map.of("a", 1, " ", 1, "b", 1), NgramCounter.charNgrams("a b", 1));
    }

    @Test
    void matchesAreClipped() {
        Map<String, Integer> hyp = Map.of("the", 7, "cat", 1);
        Map<String, Integer> ref = Map.of("the", 2, "mat", 1);
        assertEquals(2, NgramCounter.clippedMatches(hyp, ref));
        assertEquals(0, NgramCounter.clippedMatches(Map.of(), ref));
    }

    @Test
    void orderBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NgramCounter.wordNgrams(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> NgramCounter.charNgrams("a", 0));
    }
}
