package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class LatencyChartTest {

    @Test
    void oneBarPerSettingInEachPercentileGroup() {
        Map<String, double[]> latencies = new LinkedHashMap<>();
        latencies.put("off", new double[] {50, 95, 99});
        latencies.put("on", new double[] {6, 7, 7.5});
        CategoryChart chart = LatencyChart.of("load", latencies);
        assertEquals(List.of("off", "on"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(List.of("p50", "p95", "p99"), chart.getSeriesMap().get("off").getXData());
        assertEquals(List.of(6.0, 7.0, 7.5), chart.getSeriesMap().get("on").getYData());
        Charts.toImage(chart); // renders
    }

    @Test
    void eachSettingNeedsThreeFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> LatencyChart.of("load", Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> LatencyChart.of("load", Map.of("two", new double[] {1, 2})));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LatencyChart.of(
                                        "load", Map.of("nan", new double[] {1, 2, Double.NaN})));
        assertEquals(
                "setting 'nan': expected finite {p50, p95, p99}, got [1.0, 2.0, NaN]",
                e.getMessage());
    }
}
