package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

import java.util.List;

class AttentionHeatmapTest {

    @Test
    void axesCarryTheTokensAndCellsTheWeights() {
        float[][] weights = {{0.9f, 0.1f, 0f}, {0.2f, 0.7f, 0.1f}};
        HeatMapChart chart =
                AttentionHeatmap.of(
                        List.of("i", "love", "<eos>"), List.of("je", "t'aime"), weights, "demo");
        HeatMapSeries series = chart.getSeriesMap().get("attention");
        assertEquals(List.of("i", "love", "<eos>"), series.getXData());
        assertEquals(List.of("t'aime", "je"), series.getYData());
        assertEquals(6, series.getHeatData().size());
        assertTrue(Charts.toImage(chart).getWidth() > 0);
    }

    @Test
    void axisTitlesComeFromTheCallerWhenGiven() {
        float[][] weights = {{1f, 0f}, {0.5f, 0.5f}};
        HeatMapChart self =
                AttentionHeatmap.of(
                        List.of("a", "b"), List.of("a", "b"), weights, "self", "key", "query");
        assertEquals("key", self.getXAxisTitle());
        assertEquals("query", self.getYAxisTitle());
        HeatMapChart cross =
                AttentionHeatmap.of(List.of("a", "b"), List.of("x", "y"), weights, "t");
        assertEquals("source", cross.getXAxisTitle());
        assertEquals("output", cross.getYAxisTitle());
    }

    @Test
    void repeatedTokensStayDistinctLabels() {
        HeatMapChart chart =
                AttentionHeatmap.of(
                        List.of("a", "a"), List.of("b"), new float[][] {{0.5f, 0.5f}}, "t");
        assertEquals(
                2, chart.getSeriesMap().get("attention").getXData().stream().distinct().count());
    }

    @Test
    void wrongMatrixShapeIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                AttentionHeatmap.of(
                                        List.of("a"),
                                        List.of("b"),
                                        new float[][] {{0.5f, 0.5f}},
                                        "t"));
        assertEquals("attention weights must be (T, S) = (1, 1), got (1, 2)", e.getMessage());
    }
}
