package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class BleuStatisticsTest {

    private static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @Test
    void closestReferenceLengthPrefersTheShorterOnATie() {
        assertEquals(4, BleuStatistics.closestRefLength(5, 6, 4));
        assertEquals(4, BleuStatistics.closestRefLength(5, 4, 6));
        assertEquals(7, BleuStatistics.closestRefLength(6, 0, 7));
        assertEquals(3, BleuStatistics.closestRefLength(0, 9, 3));
    }

    @Test
    void matchesAreClippedByTheMostGenerousReference() {
        // Papineni et al. 2002, section 2.1: "the the the the the the the"
        BleuStatistics stats =
                BleuStatistics.of(
                        words("the the the the the the the"),
                        List.of(words("the cat is on the mat"), words("there is a cat on the mat")),
                        1);
        assertArrayEquals(new long[] {2}, stats.matches());
        assertArrayEquals(new long[] {7}, stats.totals());
        assertEquals(7, stats.refLength());
    }

    @Test
    void sumAddsElementWise() {
        BleuStatistics a = new BleuStatistics(3, 4, new long[] {3, 1}, new long[] {3, 2});
        BleuStatistics b = new BleuStatistics(2, 2, new long[] {1, 0}, new long[] {2, 1});
        assertEquals(
                new BleuStatistics(5, 6, new long[] {4, 1}, new long[] {5, 3}),
                BleuStatistics.zero(2).plus(a).plus(b));
        assertThrows(IllegalArgumentException.class, () -> a.plus(BleuStatistics.zero(4)));
    }

    @Test
    void arraysAreCopied() {
        long[] matches = {1};
        BleuStatistics stats = new BleuStatistics(1, 1, matches, new long[] {1});
        matches[0] = 5;
        stats.matches()[0] = 7;
        assertArrayEquals(new long[] {1}, stats.matches());
    }

    @Test
    void invalidStatisticsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new BleuStatistics(1, 1, new long[] {1}, new long[] {1, 2}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BleuStatistics(-1, 1, new long[] {1}, new long[] {1}));
        assertThrows(
                IllegalArgumentException.class, () -> BleuStatistics.of(words("a"), List.of(), 4));
    }
}
