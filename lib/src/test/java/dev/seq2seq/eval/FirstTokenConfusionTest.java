package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class FirstTokenConfusionTest {

    private static final List<String> PRONOUNS = List.of("je", "tu", "vous");

    @Test
    void countsFirstOutputTokenAgainstFirstReferenceToken() {
        List<List<String>> hypotheses =
                List.of(
                        List.of("je", "suis", "là"),
                        List.of("tu", "es", "là"),
                        List.of("vous", "êtes", "là"),
                        List.of("il", "pleut"),
                        List.of());
        List<List<String>> references =
                List.of(
                        List.of("je", "suis", "ici"),
                        List.of("vous", "êtes", "ici"),
                        List.of("vous", "êtes", "là"),
                        List.of("tu", "pleures"),
                        List.of("elle", "dort"));
        ClassificationReport report = FirstTokenConfusion.of(hypotheses, references, PRONOUNS);
        assertEquals(List.of("je", "tu", "vous", "<other>"), report.labels());
        int[][] counts = report.counts(); // rows: reference, columns: output
        assertArrayEquals(new int[] {1, 0, 0, 0}, counts[0]);
        assertArrayEquals(new int[] {0, 0, 0, 1}, counts[1]);
        assertArrayEquals(new int[] {0, 1, 1, 0}, counts[2]);
        assertArrayEquals(new int[] {0, 0, 0, 1}, counts[3]); // elle -> <eos>: both <other>
        // vous: tp 1, fn 1 (-> tu), fp 0; tu: tp 0, fn 1, fp 1.
        assertEquals(1.0, report.score("vous").precision(), 1e-12);
        assertEquals(0.5, report.score("vous").recall(), 1e-12);
        assertEquals(2.0 / 3, report.score("vous").f1(), 1e-12);
        assertEquals(0.0, report.score("tu").f1(), 1e-12);
        assertEquals(2, report.score("vous").support());
    }

    @Test
    void anEmptySentenceStartsWithEos() {
        assertEquals(
                List.of("a", "<eos>"),
                FirstTokenConfusion.firstTokens(List.of(List.of("a", "b"), List.of())));
    }

    @Test
    void mismatchedListsNameBothSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FirstTokenConfusion.of(
                                        List.of(List.of("je")),
                                        List.of(List.of("je"), List.of("tu")),
                                        PRONOUNS));
        assertEquals(
                "need as many hypotheses as references, got 2 references and 1 hypotheses",
                e.getMessage());
    }
}
