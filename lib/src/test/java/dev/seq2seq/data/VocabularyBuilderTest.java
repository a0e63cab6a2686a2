package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class VocabularyBuilderTest {

    private static final List<List<String>> DATA =
            List.of(List.of("b", "a", "c", "a"), List.of("d", "a", "b"), List.of("c", "e"));

    @Test
    void ordersByFrequencyThenAlphabetically() {
        Vocabulary v = Vocabulary.builder().addAll(DATA).build();
        assertEquals(
                List.of("a", "b", "c", "d", "e"),
                List.of(v.token(4), v.token(5), v.token(6), v.token(7), v.token(8)));
        assertEquals(3, v.count(4));
    }

    @Test
    void minFrequencyDropsRareTokens() {
        Vocabulary v = Vocabulary.builder().addAll(DATA).optMinFrequency(2).build();
        assertEquals(7, v.size());
        assertFalse(v.contains("d"));
        assertTrue(v.contains("c"));
    }

    @Test
    void maxSizeKeepsTheMostFrequentIncludingReserved() {
        Vocabulary v = Vocabulary.builder().addAll(DATA).optMaxSize(6).build();
        assertEquals(6, v.size());
        assertTrue(v.contains("a") && v.contains("b"));
        assertFalse(v.contains("c"));
    }

    @Test
    void badSettingsAndReservedTokensInDataAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Vocabulary.builder().optMinFrequency(0).build());
        assertThrows(
                IllegalArgumentException.class, () -> Vocabulary.builder().optMaxSize(3).build());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Vocabulary.builder().add(List.of("<eos>")).build());
        assertTrue(e.getMessage().contains("<eos>"));
    }
}
