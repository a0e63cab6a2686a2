package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class CorpusChartsTest {

    @Test
    void histogramCountsEverySentence() {
        Map<String, int[]> lengths = new LinkedHashMap<>();
        lengths.put("English", new int[] {1, 2, 2, 5});
        lengths.put("French", new int[] {3, 3});
        CategoryChart chart = CorpusCharts.lengthHistogram(lengths);
        CategorySeries english = chart.getSeriesMap().get("English");
        int total = 0;
        for (Number n : english.getYData()) {
            total += n.intValue();
        }
        assertEquals(4, total);
        assertEquals(6, english.getXData().size());
        assertEquals(List.of("English", "French"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void coverageRisesToOneHundredPercent() {
        XYChart chart = CorpusCharts.coverage(Map.of("fr", new long[] {5, 3, 2}));
        double[] y = chart.getSeriesMap().get("fr").getYData();
        assertEquals(50.0, y[0], 1e-9);
        assertEquals(100.0, y[2], 1e-9);
    }

    @Test
    void zipfPlotsRankAgainstFrequency() {
        XYChart chart = CorpusCharts.zipf(Map.of("en", new long[] {8, 4, 2, 0}));
        assertEquals(3, chart.getSeriesMap().get("en").getXData().length);
    }

    @Test
    void unsortedOrEmptyCountsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusCharts.zipf(Map.of("x", new long[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> CorpusCharts.coverage(Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusCharts.lengthHistogram(Map.of("x", new int[0])));
    }
}
