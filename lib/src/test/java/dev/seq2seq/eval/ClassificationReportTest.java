package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.eval.ClassificationReport.ClassScore;

import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;

class ClassificationReportTest {

    // a: 4 references, predicted a a b b; b: 2 references, predicted b a; c -> c and d -> e are
    // both <other> -> <other>.
    private static final List<String> REFERENCES = List.of("a", "a", "a", "a", "b", "b", "c", "d");
    private static final List<String> PREDICTED = List.of("a", "a", "b", "b", "b", "a", "c", "e");

    private static ClassificationReport report(List<String> classes) {
        return ClassificationReport.of(REFERENCES, PREDICTED, classes, "test");
    }

    @Test
    void perClassScoresEqualTheValuesComputedByHand() {
        ClassificationReport report = report(List.of("a", "b"));
        // a: tp 2, fn 2, fp 1; b: tp 1, fn 1, fp 2; <other>: tp 2, fn 0, fp 0.
        assertScore(report.score("a"), 4, 2.0 / 3, 0.5, 4.0 / 7);
        assertScore(report.score("b"), 2, 1.0 / 3, 0.5, 0.4);
        assertScore(report.score(ClassificationReport.OTHER), 2, 1, 1, 1);
        assertEquals(5.0 / 8, report.accuracy(), 1e-12);
    }

    @Test
    void countsHaveReferencesAsRowsAndPredictionsAsColumns() {
        ClassificationReport report = report(List.of("a", "b"));
        assertEquals(List.of("a", "b", "<other>"), report.labels());
        int[][] counts = report.counts();
        assertArrayEquals(new int[] {2, 2, 0}, counts[0]);
        assertArrayEquals(new int[] {1, 1, 0}, counts[1]);
        assertArrayEquals(new int[] {0, 0, 2}, counts[2]);
        assertEquals(2, report.confusionMatrix().confusion(new Label("b"), new Label("a")));
        assertEquals(8, report.size());
    }

    @Test
    void tokensOutsideTheClassesBecomeOther() {
        List<Prediction<Label>> predictions =
                ClassificationReport.predictions(REFERENCES, PREDICTED, List.of("a", "b"));
        assertEquals(8, predictions.size());
        assertEquals("<other>", predictions.get(7).getExample().getOutput().getLabel());
        assertEquals("<other>", predictions.get(7).getOutput().getLabel());
        assertEquals("b", predictions.get(2).getOutput().getLabel());
        assertEquals("a", predictions.get(2).getExample().getOutput().getLabel());
    }

    @Test
    void perClassIsSortedBySupportTiesInLabelOrder() {
        List<ClassScore> scores = report(List.of("b", "a")).perClass();
        assertEquals(List.of("a", "b", "<other>"), scores.stream().map(ClassScore::label).toList());
    }

    @Test
    void aClassNeverSeenScoresZeroNotNaN() {
        ClassificationReport report = report(List.of("a", "b", "z"));
        assertScore(report.score("z"), 0, 0, 0, 0);
        assertEquals((4.0 / 7 + 0.4 + 1 + 0) / 4, report.evaluation().macroAveragedF1(), 1e-12);
    }

    @Test
    void toStringIsTribuosTable() {
        String table = report(List.of("a", "b")).toString();
        assertTrue(table.contains("Class"), table);
        assertTrue(table.contains("<other>"), table);
    }

    @Test
    void misalignedListsNameBothSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationReport.of(REFERENCES, List.of("a"), List.of("a"), ""));
        assertEquals(
                "need as many predictions as references, got 8 references and 1 predictions",
                e.getMessage());
    }

    @Test
    void badClassListsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> report(List.of()));
        assertThrows(IllegalArgumentException.class, () -> report(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> report(List.of("a", "<other>")));
        assertThrows(IllegalArgumentException.class, () -> report(List.of("a")).score("b"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassificationReport.of(List.of(), List.of(), List.of("a"), ""));
    }

    private static void assertScore(
            ClassScore score, long support, double precision, double recall, double f1) {
        assertEquals(support, score.support(), score.label() + " support");
        assertEquals(precision, score.precision(), 1e-12, score.label() + " precision");
        assertEquals(recall, score.recall(), 1e-12, score.label() + " recall");
        assertEquals(f1, score.f1(), 1e-12, score.label() + " f1");
    }
}
