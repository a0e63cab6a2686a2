package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

class ChartsTest {

    @TempDir Path dir;

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return chart;
    }

    @Test
    void rendersAtTheChartSize() {
        BufferedImage image = Charts.toImage(chart());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void savesAPngAddingTheExtension() throws IOException {
        Path file = Charts.savePng(chart(), dir.resolve("chart"));
        assertEquals(dir.resolve("chart.png"), file);
        byte[] magic = Arrays.copyOf(Files.readAllBytes(file), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
    }

    @Test
    void aLegendThatDoesNotFitInARowGetsOneLinePerEntryAndTheHeightForThem() {
        List<String> short_ = List.of("train", "valid");
        assertTrue(Charts.legendFitsInARow(short_, 720));
        assertEquals(0, Charts.legendExtraHeight(short_, 720));
        List<String> long_ =
                List.of(
                        "teacher forcing 1.0 (train)",
                        "teacher forcing 1.0 (valid)",
                        "scheduled sampling linear:1.0:0.5:5000 (train)",
                        "scheduled sampling linear:1.0:0.5:5000 (valid)");
        assertFalse(Charts.legendFitsInARow(long_, 720));
        assertTrue(Charts.legendExtraHeight(long_, 720) >= 3 * 18);
        XYChart chart = chart();
        Charts.legendBelow(chart.getStyler(), long_, 720);
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(Styler.LegendLayout.Vertical, chart.getStyler().getLegendLayout());
    }

    @Test
    void seriesColoursStayApartWhereXChartsDefaultsDoNot() {
        for (int i = 0; i < Charts.SERIES_COLORS.length; i++) {
            for (int j = i + 1; j < Charts.SERIES_COLORS.length; j++) {
                double d = distance(Charts.SERIES_COLORS[i], Charts.SERIES_COLORS[j]);
                assertTrue(d > 60, "colours " + i + " and " + j + " are " + d + " apart");
            }
        }
        // XChart's own second and sixth colours (orange and yellow), the pair this replaces
        java.awt.Color[] xchart = new XYChartBuilder().build().getStyler().getSeriesColors();
        assertFalse(distance(xchart[1], xchart[5]) > 60);
        java.util.Map<String, double[]> six = new java.util.LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            six.put("cell " + k, new double[] {1, 0.5});
        }
        assertArrayEquals(
                Charts.SERIES_COLORS,
                TrainingCharts.gradientNorms(six).getStyler().getSeriesColors());
    }

    private static double distance(java.awt.Color a, java.awt.Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
