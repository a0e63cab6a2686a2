package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class ReferencesTest {

    @Test
    void streamsAreTransposedIntoSegments() {
        List<List<String>> perSegment =
                References.fromStreams(List.of(List.of("a1", "b1"), List.of("a2", "b2")));
        assertEquals(List.of(List.of("a1", "a2"), List.of("b1", "b2")), perSegment);
        assertEquals("2", References.nrefs(perSegment));
    }

    @Test
    void nullEntriesAreDroppedAndEmptyStringsKept() {
        List<String> first = new ArrayList<>(List.of("a1", ""));
        first.set(0, null);
        List<List<String>> perSegment = References.fromStreams(List.of(first, List.of("a2", "b2")));
        assertEquals(List.of(List.of("a2"), List.of("", "b2")), perSegment);
        assertEquals("var", References.nrefs(perSegment));
        assertEquals("0", References.nrefs(List.of()));
    }

    @Test
    void streamsOfDifferentLengthsAreRejectedNamingBoth() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                References.fromStreams(
                                        List.of(List.of("a", "b", "c"), List.of("a"))));
        assertTrue(e.getMessage().contains("1 segments but stream 0 has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> References.fromStreams(List.of()));
    }
}
