package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Map;

class TrainingChartsTest {

    @Test
    void curvesStartAtEpochOne() {
        XYChart chart =
                TrainingCharts.curves("loss", "nats", Map.of("train", new double[] {3, 2, 1.5}));
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("train").getXData());
    }

    @Test
    void curvesAgainstACallerNamedQuantityKeepTheirPointsAndTitles() {
        XYChart chart =
                TrainingCharts.curves(
                        "valid loss",
                        "training time (min)",
                        "nats",
                        Map.of(
                                "slow",
                                new TrainingCharts.Curve(
                                        new double[] {2.5, 5}, new double[] {3, 2})));
        assertArrayEquals(new double[] {2.5, 5}, chart.getSeriesMap().get("slow").getXData());
        assertArrayEquals(new double[] {3, 2}, chart.getSeriesMap().get("slow").getYData());
        assertEquals("training time (min)", chart.getXAxisTitle());
        assertEquals(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("slow").getMarker());
        double[] steps = new double[121];
        XYChart schedule =
                TrainingCharts.curves(
                        "ε",
                        "step",
                        "ε",
                        Map.of("constant", new TrainingCharts.Curve(steps, steps)));
        assertEquals(SeriesMarkers.NONE, schedule.getSeriesMap().get("constant").getMarker());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TrainingCharts.Curve(new double[] {1, 2}, new double[] {1}));
        assertEquals(
                "a curve needs as many y as x values, at least one: got 2 x and 1 y",
                e.getMessage());
    }

    @Test
    void legendsSitBelowThePlotWhereTheyCannotHideTheLastPoints() {
        Map<String, double[]> curves = Map.of("valid", new double[] {3, 2, 1.5});
        for (XYChart chart :
                List.of(
                        TrainingCharts.curves("loss", "nats", curves),
                        TrainingCharts.gradientNorms(curves))) {
            assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        }
    }

    @Test
    void gradientNormsMustBePositiveForTheLogAxis() {
        XYChart chart = TrainingCharts.gradientNorms(Map.of("RNN", new double[] {1, 0.1, 0.01}));
        assertArrayEquals(new double[] {0, 1, 2}, chart.getSeriesMap().get("RNN").getXData());
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingCharts.gradientNorms(Map.of("RNN", new double[] {1, 0})));
    }
}
