package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;
import java.util.Map;

/** Charts of subword segmentation: the trade-off a byte-pair encoding's merge count sets. */
public final class SubwordCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;

    private SubwordCharts() {}

    /**
     * Plots, against the number of merges, the vocabulary sizes (left axis) and the average
     * sequence length in units per word (right axis): more merges give a larger vocabulary and
     * shorter sequences. The legend sits below the plot so that it hides no point.
     *
     * @param merges the merge counts swept, ascending (x)
     * @param vocabularySizes the vocabulary size at each merge count, by series name (e.g. {@code
     *     source vocabulary}), left axis
     * @param unitsPerWord the average units per word at each merge count, by series name, right
     *     axis
     * @return the chart
     * @throws IllegalArgumentException if there is no merge count, a series does not have one value
     *     per merge count, or a value is not finite
     */
    public static XYChart mergeSweep(
            int[] merges,
            Map<String, double[]> vocabularySizes,
            Map<String, double[]> unitsPerWord) {
        Preconditions.checkArgument(merges.length != 0, "no merge count to plot");
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Byte-pair encoding: vocabulary size against sequence length")
                        .xAxisTitle("merges learned")
                        .yAxisTitle("vocabulary size (units)")
                        .build();
        chart.setYAxisGroupTitle(1, "units per word");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        double[] x = Arrays.stream(merges).asDoubleStream().toArray();
        add(chart, x, vocabularySizes, 0, SeriesMarkers.CIRCLE);
        add(chart, x, unitsPerWord, 1, SeriesMarkers.DIAMOND);
        return chart;
    }

    private static void add(
            XYChart chart,
            double[] x,
            Map<String, double[]> series,
            int axis,
            org.knowm.xchart.style.markers.Marker marker) {
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            Preconditions.checkArgument(
                    y.length == x.length && Arrays.stream(y).allMatch(Double::isFinite),
                    String.format(
                            "series '%s': expected %d finite values (one per merge count), got"
                                    + " %s",
                            e.getKey(), x.length, Arrays.toString(y)));
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setYAxisGroup(axis);
            s.setMarker(marker);
        }
    }
}
