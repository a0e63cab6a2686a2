package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class SubwordChartsTest {

    @Test
    void vocabularySizesOnTheLeftAxisUnitsPerWordOnTheRight() {
        int[] merges = {0, 1000, 8000};
        Map<String, double[]> sizes = new LinkedHashMap<>();
        sizes.put("source vocabulary", new double[] {5209, 826, 4272});
        sizes.put("target vocabulary", new double[] {8298, 894, 5484});
        XYChart chart =
                SubwordCharts.mergeSweep(
                        merges,
                        sizes,
                        Map.of("target units per word", new double[] {1, 1.45, 1.09}));
        assertEquals(
                List.of("source vocabulary", "target vocabulary", "target units per word"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(0, chart.getSeriesMap().get("target vocabulary").getYAxisGroup());
        assertEquals(1, chart.getSeriesMap().get("target units per word").getYAxisGroup());
        assertEquals("units per word", chart.getYAxisGroupTitle(1));
        assertEquals("merges learned", chart.getXAxisTitle());
        assertTrue(Charts.toImage(chart).getWidth() > 0); // renders
    }

    @Test
    void everySeriesNeedsOneFiniteValuePerMergeCount() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SubwordCharts.mergeSweep(new int[0], Map.of(), Map.of()));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SubwordCharts.mergeSweep(
                                        new int[] {0, 1}, Map.of("v", new double[] {1}), Map.of()));
        assertEquals(
                "series 'v': expected 2 finite values (one per merge count), got [1.0]",
                e.getMessage());
    }
}
