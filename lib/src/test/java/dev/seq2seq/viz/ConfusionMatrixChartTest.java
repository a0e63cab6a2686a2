package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

import java.util.List;

class ConfusionMatrixChartTest {

    private static final List<String> LABELS = List.of("je", "tu", "<other>");
    private static final int[][] COUNTS = {{5, 1, 0}, {2, 2, 0}, {0, 0, 0}};

    @Test
    void axesCarryTheLabelsAndCellsTheCounts() {
        HeatMapChart chart = ConfusionMatrixChart.of(LABELS, COUNTS, "first token");
        HeatMapSeries series = chart.getSeriesMap().get("confusion");
        assertEquals(LABELS, series.getXData());
        assertEquals(List.of("<other>", "tu", "je"), series.getYData()); // first label on top
        assertEquals(9, series.getHeatData().size());
        // cell (column 1 = predicted tu, y 1 = reference tu) is counts[1][1]
        assertEquals(2.0, cell(series, 1, 1), 1e-12);
        // cell (predicted je, reference tu) is counts[1][0]
        assertEquals(2.0, cell(series, 0, 1), 1e-12);
        assertEquals(1.0, cell(series, 1, 2), 1e-12); // reference je (top row), predicted tu
        assertEquals(5, chart.getStyler().getMax(), 1e-12);
        assertTrue(Charts.toImage(chart).getWidth() > 0);
    }

    @Test
    void rowNormalizedCellsAreRowFractions() {
        HeatMapChart chart = ConfusionMatrixChart.rowNormalized(LABELS, COUNTS, "t");
        HeatMapSeries series = chart.getSeriesMap().get("confusion");
        assertEquals(5.0 / 6, cell(series, 0, 2), 1e-12);
        assertEquals(0.5, cell(series, 0, 1), 1e-12);
        assertEquals(0.0, cell(series, 2, 0), 1e-12); // empty row stays 0, not NaN
        assertTrue(Charts.toImage(chart).getHeight() > 0);
    }

    @Test
    void wrongMatrixShapeIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ConfusionMatrixChart.of(
                                        List.of("a", "b"), new int[][] {{1, 2}}, "t"));
        assertEquals("counts must be (L, L) = (2, 2), got 1 rows", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrixChart.of(List.of("a", "a"), new int[2][2], "t"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrixChart.of(List.of("a"), new int[][] {{-1}}, "t"));
    }

    private static double cell(HeatMapSeries series, int x, int y) {
        for (Number[] cell : series.getHeatData()) {
            if (cell[0].intValue() == x && cell[1].intValue() == y) {
                return cell[2].doubleValue();
            }
        }
        throw new AssertionError("no cell " + x + ", " + y);
    }
}
