package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.eval.ClassificationReport.ClassScore;

import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;

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
        assertScore(report.score(TokenClasses.OTHER), 2, 1, 1, 1);
        assertEquals(5.0 / 8, report.accuracy(), 1e-12);
    }

    @Test
    void countsAreTribuosConfusionMatrixTransposedInLabelOrder() {
        ClassificationReport report = report(List.of("b", "a"));
        assertEquals(List.of("b", "a", "<other>"), report.labels());
        int[][] counts = report.counts();
        assertArrayEquals(new int[] {1, 1, 0}, counts[0]);
        assertArrayEquals(new int[] {2, 2, 0}, counts[1]);
        assertArrayEquals(new int[] {0, 0, 2}, counts[2]);
        LabelConfusionMatrix tribuo =
                (LabelConfusionMatrix) report.evaluation().getConfusionMatrix();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                Label reference = new Label(report.labels().get(r));
                Label predicted = new Label(report.labels().get(c));
                assertEquals(tribuo.confusion(predicted, reference), counts[r][c], r + "," + c);
            }
        }
        assertEquals(8, report.size());
        assertEquals(8, report.confusion().total());
    }

    @Test
    void perClassIsSortedBySupportTiesInLabelOrder() {
        List<ClassScore> scores = report(List.of("b", "a")).perClass();
        assertEquals(List.of("a", "b", "<other>"), scores.stream().map(ClassScore::label).toList());
        List<ClassScore> tied = report(List.of("d", "c")).perClass(); // <other> 6, d 1, c 1
        assertEquals(List.of("<other>", "d", "c"), tied.stream().map(ClassScore::label).toList());
    }

    @Test
    void aClassNeverSeenScoresZeroNotNaN() {
        ClassificationReport report = report(List.of("a", "b", "z"));
        assertScore(report.score("z"), 0, 0, 0, 0);
        assertEquals((4.0 / 7 + 0.4 + 1 + 0) / 4, report.evaluation().macroAveragedF1(), 1e-12);
    }

    @Test
    void toStringListsTheClassesInLabelOrder() {
        String table = report(List.of("b", "a")).toString();
        String[] lines = table.split("\n");
        assertEquals(6, lines.length, table);
        assertTrue(lines[1].startsWith("b "), table);
        assertTrue(lines[2].startsWith("a "), table);
        assertTrue(lines[3].startsWith("<other> "), table);
        assertTrue(lines[1].matches("b +2 +0\\.333 +0\\.500 +0\\.400"), lines[1]);
        assertTrue(lines[4].matches("accuracy +8 +0\\.625"), lines[4]);
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
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> report(List.of()));
        assertThrows(IllegalArgumentException.class, () -> report(List.of("a", "<other>")));
        assertThrows(IllegalArgumentException.class, () -> report(List.of("a")).score("b"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationReport.of(List.of(), List.of(), List.of("a"), ""));
        assertEquals("no predictions to evaluate", e.getMessage());
    }

    private static void assertScore(
            ClassScore score, long support, double precision, double recall, double f1) {
        assertEquals(support, score.support(), score.label() + " support");
        assertEquals(precision, score.precision(), 1e-12, score.label() + " precision");
        assertEquals(recall, score.recall(), 1e-12, score.label() + " recall");
        assertEquals(f1, score.f1(), 1e-12, score.label() + " f1");
    }
}
