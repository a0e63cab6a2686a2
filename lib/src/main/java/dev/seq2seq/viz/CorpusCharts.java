package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Charts that describe a corpus: sentence-length histograms, token frequency by rank (Zipf's law),
 * and vocabulary coverage against vocabulary size.
 */
public final class CorpusCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private CorpusCharts() {}

    /**
     * Builds histograms of sentence lengths side by side, one series per side.
     *
     * @param lengthsBySeries the lengths in tokens, by series name (e.g. {@code English}, {@code
     *     French}), in legend order
     * @return a bar chart of sentence count by length
     * @throws IllegalArgumentException if there is no series or a series is empty
     */
    public static CategoryChart lengthHistogram(Map<String, int[]> lengthsBySeries) {
        return lengthHistogram("Sentence lengths", "length (tokens)", "sentences", lengthsBySeries);
    }

    /**
     * Builds histograms of lengths side by side, one series each, with the caller's titles, e.g.
     * letters per word and phonemes per pronunciation.
     *
     * @param title the title
     * @param xTitle the length axis title
     * @param yTitle the count axis title
     * @param lengthsBySeries the lengths, by series name, in legend order
     * @return a bar chart of count by length
     * @throws IllegalArgumentException if there is no series or a series is empty
     */
    public static CategoryChart lengthHistogram(
            String title, String xTitle, String yTitle, Map<String, int[]> lengthsBySeries) {
        Preconditions.checkArgument(!lengthsBySeries.isEmpty(), "no series to plot");
        int max = 0;
        for (Map.Entry<String, int[]> e : lengthsBySeries.entrySet()) {
            Preconditions.checkArgument(
                    e.getValue().length != 0, "series '" + e.getKey() + "' is empty");
            max = Math.max(max, Arrays.stream(e.getValue()).max().orElse(0));
        }
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setOverlapped(false); // side by side: overlapping bars mix colours
        Charts.distinctSeriesColors(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(0);
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            lengths.add(i);
        }
        for (Map.Entry<String, int[]> e : lengthsBySeries.entrySet()) {
            List<Integer> counts = new ArrayList<>(java.util.Collections.nCopies(max + 1, 0));
            for (int length : e.getValue()) {
                counts.set(length, counts.get(length) + 1);
            }
            chart.addSeries(e.getKey(), lengths, counts);
        }
        return chart;
    }

    /**
     * Builds a log-log plot of token frequency against frequency rank. Zipf's law predicts a
     * straight line of slope about -1.
     *
     * @param countsBySeries token counts sorted in descending order, by series name
     * @return the chart
     * @throws IllegalArgumentException if there is no series or a series has no positive count
     */
    public static XYChart zipf(Map<String, long[]> countsBySeries) {
        XYChart chart = logLogChart("Token frequency by rank (Zipf)", "rank", "frequency");
        for (Map.Entry<String, long[]> e : checked(countsBySeries).entrySet()) {
            long[] counts = e.getValue();
            int n = positivePrefix(counts, e.getKey());
            double[] rank = new double[n];
            double[] frequency = new double[n];
            for (int i = 0; i < n; i++) {
                rank[i] = i + 1;
                frequency[i] = counts[i];
            }
            XYSeries series = chart.addSeries(e.getKey(), rank, frequency);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Builds a plot of vocabulary coverage (the percentage of running tokens whose type is among
     * the {@code k} most frequent) against vocabulary size {@code k}, on a log x axis.
     *
     * @param countsBySeries token counts sorted in descending order, by series name
     * @return the chart
     * @throws IllegalArgumentException if there is no series or a series has no positive count
     */
    public static XYChart coverage(Map<String, long[]> countsBySeries) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Coverage of running tokens by the k most frequent types")
                        .xAxisTitle("vocabulary size k")
                        .yAxisTitle("coverage (%)")
                        .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMax(100.0);
        for (Map.Entry<String, long[]> e : checked(countsBySeries).entrySet()) {
            long[] counts = e.getValue();
            int n = positivePrefix(counts, e.getKey());
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += counts[i];
            }
            double[] size = new double[n];
            double[] percent = new double[n];
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += counts[i];
                size[i] = i + 1;
                percent[i] = 100.0 * running / total;
            }
            chart.addSeries(e.getKey(), size, percent).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static XYChart logLogChart(String title, String xTitle, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static <T> Map<String, T> checked(Map<String, T> series) {
        Preconditions.checkArgument(!series.isEmpty(), "no series to plot");
        return series;
    }

    private static int positivePrefix(long[] counts, String name) {
        int n = 0;
        while (n < counts.length && counts[n] > 0) {
            if (n > 0 && counts[n] > counts[n - 1]) {
                throw new IllegalArgumentException(
                        "counts of '" + name + "' must be sorted in descending order");
            }
            n++;
        }
        Preconditions.checkArgument(n != 0, "series '" + name + "' has no positive count");
        return n;
    }
}
