package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class ConfusionCountsTest {

    // a: 4 references, predicted a a b b; b: 2 references, predicted b a; c -> c and d -> e are
    // both <other> -> <other>.
    private static final List<String> REFERENCES = List.of("a", "a", "a", "a", "b", "b", "c", "d");
    private static final List<String> PREDICTED = List.of("a", "a", "b", "b", "b", "a", "c", "e");
    private static final TokenClasses CLASSES = TokenClasses.of(List.of("a", "b"));

    @Test
    void countsHaveReferencesAsRowsAndPredictionsAsColumns() {
        ConfusionCounts confusion = ConfusionCounts.of(CLASSES, REFERENCES, PREDICTED);
        assertEquals(List.of("a", "b", "<other>"), confusion.labels());
        int[][] counts = confusion.counts();
        assertArrayEquals(new int[] {2, 2, 0}, counts[0]);
        assertArrayEquals(new int[] {1, 1, 0}, counts[1]);
        assertArrayEquals(new int[] {0, 0, 2}, counts[2]);
        assertEquals(2, confusion.count("a", "b")); // reference a, predicted b
        assertEquals(1, confusion.count("b", "a"));
        assertEquals(4, confusion.support("a"));
        assertEquals(2, confusion.support("<other>"));
        assertEquals(8, confusion.total());
    }

    @Test
    void countsAreACopy() {
        ConfusionCounts confusion = ConfusionCounts.of(CLASSES, REFERENCES, PREDICTED);
        confusion.counts()[0][0] = 99;
        assertEquals(2, confusion.count("a", "a"));
    }

    @Test
    void noPredictionsGiveZeroCounts() {
        ConfusionCounts confusion = ConfusionCounts.of(CLASSES, List.of(), List.of());
        assertEquals(0, confusion.total());
        assertArrayEquals(new int[3], confusion.counts()[2]);
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionCounts.of(CLASSES, REFERENCES, List.of("a")));
        assertEquals(
                "need as many predictions as references, got 8 references and 1 predictions",
                e.getMessage());
        ConfusionCounts confusion = ConfusionCounts.of(CLASSES, REFERENCES, PREDICTED);
        assertThrows(IllegalArgumentException.class, () -> confusion.count("a", "c"));
        assertThrows(IllegalArgumentException.class, () -> confusion.support("c"));
    }
}
