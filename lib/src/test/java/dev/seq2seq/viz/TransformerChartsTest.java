package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.List;

class TransformerChartsTest {

    @Test
    void oneCurvePerChosenDimensionAgainstThePosition() {
        float[][] encoding = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}};
        XYChart chart = TransformerCharts.positionalEncoding(encoding, 0, 2);
        assertEquals(
                List.of("dimension 0", "dimension 2"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(
                new double[] {2, 5, 8}, chart.getSeriesMap().get("dimension 2").getYData(), 0.0);
        assertArrayEquals(
                new double[] {0, 1, 2}, chart.getSeriesMap().get("dimension 0").getXData(), 0.0);
        assertEquals("position", chart.getXAxisTitle());
        assertTrue(Charts.toImage(chart).getHeight() > 0);
    }

    @Test
    void dimensionsMustExist() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TransformerCharts.positionalEncoding(new float[0][0], 0));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TransformerCharts.positionalEncoding(new float[][] {{1, 2}}, 2));
        assertEquals("dimension 2 is outside [0, 2)", e.getMessage());
    }
}
