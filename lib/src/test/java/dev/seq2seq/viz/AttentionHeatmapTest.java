package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
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
        assertEquals("key  (shade: " + AttentionHeatmap.SHADE + ")", self.getXAxisTitle());
        assertEquals("query", self.getYAxisTitle());
        HeatMapChart cross =
                AttentionHeatmap.of(List.of("a", "b"), List.of("x", "y"), weights, "t");
        assertTrue(cross.getXAxisTitle().startsWith("source  (shade: "), "the colour is named");
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
    void cellsWidenToTheirLabelsAndLongLabelsTurnUpright() {
        float[][] five = {{1f, 0f, 0f, 0f, 0f}};
        HeatMapChart words =
                AttentionHeatmap.of(
                        List.of("apartment", "know", "what", "we", "have"),
                        List.of("x"),
                        five,
                        "t");
        Font tick = words.getStyler().getAxisTickLabelsFont();
        int labels = 5 * TextWidths.of("apartment", tick);
        assertTrue(words.getWidth() > labels + 100, "width " + words.getWidth() + " for " + labels);
        assertEquals(0, words.getStyler().getXAxisLabelRotation());
        HeatMapChart phrases =
                AttentionHeatmap.of(
                        List.of("a rather long unit label", "b", "c"),
                        List.of("x"),
                        new float[][] {{1f, 0f, 0f}},
                        "t");
        assertEquals(90, phrases.getStyler().getXAxisLabelRotation());
    }

    @Test
    void theChartWidensToItsTitleAndCutsOnlyWhatNoProjectorCouldShow() {
        float[][] one = {{1f}};
        String sentence = "we have to find a new apartment. -> nous devons trouver un appartement.";
        HeatMapChart chart = AttentionHeatmap.of(List.of("a"), List.of("b"), one, sentence);
        assertEquals(sentence, chart.getTitle());
        Font font = chart.getStyler().getChartTitleFont();
        assertTrue(TextWidths.of(sentence, font) < chart.getWidth() - 20);
        String essay = sentence.repeat(5);
        HeatMapChart cut = AttentionHeatmap.of(List.of("a"), List.of("b"), one, essay);
        assertTrue(cut.getTitle().endsWith("…"), cut.getTitle());
        assertTrue(TextWidths.of(cut.getTitle(), font) < cut.getWidth());
    }

    @Test
    void aLongTitleIsDrawnWholeNeitherClippedByTheEdgeNorHiddenByTheLegend() {
        List<String> source = List.of("i", "do", "n't", "know", "what", "to", "do", ".", "<eos>");
        String fits = "Luong global: I don't know what to do. -> " + "Je ne ".repeat(12);
        for (int rows : new int[] {3, 26}) { // the legend beside the title, or below it
            List<String> output = new ArrayList<>();
            for (int t = 0; t < rows; t++) {
                output.add("w" + t);
            }
            float[][] weights = new float[rows][9];
            for (float[] row : weights) {
                row[8] = 1f;
            }
            for (String title : List.of(fits, fits.repeat(3))) {
                HeatMapChart chart = AttentionHeatmap.of(source, output, weights, title);
                int[] drawn = titleExtent(chart);
                int width = TextWidths.of(chart.getTitle(), chart.getStyler().getChartTitleFont());
                String where = rows + " rows, title from x = " + drawn[0] + " to " + drawn[1];
                assertTrue(drawn[0] >= 4 && drawn[1] <= chart.getWidth() - 5, where);
                assertTrue(drawn[1] - drawn[0] >= width - 24, where + ", measured " + width);
            }
            assertEquals(fits, AttentionHeatmap.of(source, output, weights, fits).getTitle());
        }
    }

    /**
     * Returns the first and last column where the title band changes when the title becomes a dot:
     * the title as drawn, without what the edge or the legend hides.
     */
    private static int[] titleExtent(HeatMapChart chart) {
        String title = chart.getTitle();
        BufferedImage a = Charts.toImage(chart);
        chart.setTitle(".");
        BufferedImage b = Charts.toImage(chart);
        chart.setTitle(title);
        int first = a.getWidth();
        int last = -1;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                }
            }
        }
        return new int[] {first, last};
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
