package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.TrainingHistory;
import dev.seq2seq.train.TrainingProgress;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;

class LiveTrainingChartTest {

    private long nanos;

    private static TrainingProgress at(int epoch, long step, double loss) {
        return new TrainingProgress(epoch, 2, step, 100, loss, 10, 1234, step, 100 - step, false);
    }

    /** Feeds two epochs of 50 updates, one second each, to a chart redrawn every 10 s. */
    private LiveTrainingChart run(List<String> shown, List<String> updated) {
        LiveTrainingChart chart =
                LiveTrainingChart.shownWith(
                        image -> {
                            shown.add(image.getWidth() + "x" + image.getHeight());
                            return "display-1";
                        },
                        (id, image) -> updated.add(id),
                        10,
                        () -> nanos);
        chart.trainingStarted(at(1, 0, Double.NaN));
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int i = 1; i <= 50; i++) {
                nanos += 1_000_000_000L;
                chart.batchEnded(at(epoch, (epoch - 1) * 50L + i, 3.0 / epoch));
            }
            EpochRecord record =
                    new EpochRecord(
                            epoch, 3.0 / epoch, 2.5 / epoch, 0.5, 0.5, 1234, 50, 1e-3, Double.NaN);
            history.add(record);
            chart.epochEnded(record, at(epoch, epoch * 50L, Double.NaN));
        }
        chart.trainingEnded(history, at(2, 100, Double.NaN));
        return chart;
    }

    @Test
    void oneDisplayIsShownThenUpdatedInPlaceEndingWithTheFinishedRun() {
        List<String> shown = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        LiveTrainingChart chart = run(shown, updated);
        assertEquals(List.of("720x400"), shown, "one display for the run");
        // shown at update 25 (the first point), then redrawn at 35 and 45, after epoch 1, every 10
        // s
        // of epoch 2 (60 to 100), after epoch 2 and at the end
        assertEquals(2 + 1 + 5 + 1 + 1, updated.size());
        assertTrue(updated.stream().allMatch("display-1"::equals));
        String title = chart.lastChart().getTitle();
        assertTrue(title.startsWith("Trained: 2 epochs, 100 updates"), title);
        assertTrue(title.contains("best validation loss 1.250 (epoch 2)"), title);
        double[] trainPoints =
                chart.lastChart().getSeriesMap().values().iterator().next().getXData();
        assertEquals(4, trainPoints.length, "a point per " + LiveTrainingChart.WINDOW + " updates");
    }

    @Test
    void aLoadedRunIsShownOnceAsItsRecordedEpochs() {
        List<String> shown = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        LiveTrainingChart chart = run(shown, updated);
        int updatesOfTheTrainedRun = updated.size();
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 1; epoch <= 3; epoch++) {
            history.add(
                    new EpochRecord(
                            epoch, 3.0 / epoch, 4.0 - epoch, 0.5, 0.5, 1234, 60, 1e-3, Double.NaN));
        }
        chart.runLoaded(history, 3.0, "2026-12-07");
        assertEquals(2, shown.size(), "a display of its own for the loaded run");
        assertEquals(updatesOfTheTrainedRun, updated.size(), "drawn once, not updated");
        assertEquals(
                "Loaded, trained 2026-12-07: 3 epochs in 3:00, best validation loss 1.000",
                chart.lastChart().getTitle());
        assertEquals("epoch", chart.lastChart().getXAxisTitle());
        var series = chart.lastChart().getSeriesMap().values().toArray(new XYSeries[0]);
        assertEquals(2, series.length);
        assertArrayEquals(new double[] {1, 2, 3}, series[0].getXData());
        assertArrayEquals(new double[] {3.0, 1.5, 1.0}, series[0].getYData(), 1e-12);
        assertArrayEquals(new double[] {3.0, 2.0, 1.0}, series[1].getYData(), 1e-12);
        TrainingHistory oneEpoch = new TrainingHistory();
        oneEpoch.add(history.records().get(0));
        chart.runLoaded(oneEpoch, 1.0, "2026-12-07");
        assertEquals(2, shown.size(), "one point per curve is not drawn");
    }

    @Test
    void progressTitleSaysEpochUpdateRateAndTimeToGo() {
        assertEquals(
                "epoch 1 of 2 · update 40 of 100 · 1,234 tokens/s · 1:00 to go",
                LiveTrainingChart.progressTitle(at(1, 40, 1.0)));
        TrainingProgress limited = new TrainingProgress(3, 100, 40, 1000, 1, 1, 0, 1, 65, true);
        assertEquals(
                "epoch 3 · update 40 · 1:05 to go (time limit)",
                LiveTrainingChart.progressTitle(limited));
    }

    @Test
    void aKernelWithoutDisplaysLeavesTheChartSilent() {
        List<String> updated = new ArrayList<>();
        LiveTrainingChart chart =
                LiveTrainingChart.shownWith(
                        image -> null, (id, image) -> updated.add(id), 0, () -> nanos);
        chart.trainingStarted(at(1, 0, Double.NaN));
        for (int i = 1; i <= 30; i++) {
            chart.batchEnded(at(1, i, 1.0));
        }
        assertTrue(updated.isEmpty());
        LiveTrainingChart throwing =
                LiveTrainingChart.shownWith(
                        image -> {
                            throw new IllegalStateException("no display here");
                        },
                        (id, image) -> updated.add(id),
                        0,
                        () -> nanos);
        throwing.trainingStarted(at(1, 0, Double.NaN));
        for (int i = 1; i <= 30; i++) {
            throwing.batchEnded(at(1, i, 1.0)); // must not throw into the training loop
        }
        assertTrue(updated.isEmpty());
        assertNotNull(throwing.lastChart());
    }
}
