package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A confusion-matrix heatmap: predicted labels along the x axis, reference labels down the y axis
 * (first label at the top), and each cell's count written in it and shown as colour, e.g. for
 * {@code ClassificationReport.labels()} and {@code counts()}. {@link #rowNormalized} colours each
 * row by its fractions instead, so that rare classes are as visible as frequent ones (the diagonal
 * is then the recall of each class).
 */
public final class ConfusionMatrixChart {

    private ConfusionMatrixChart() {}

    /**
     * Builds the heatmap of the counts.
     *
     * @param labels the L class labels, distinct, in the order of the matrix rows and columns
     * @param counts the (L, L) counts: {@code counts[r][c]} predictions of label c whose reference
     *     is label r
     * @param title the chart title
     * @return the chart, coloured from 0 (white) to the largest count
     * @throws IllegalArgumentException if there is no label, a label repeats, the matrix is not L x
     *     L (expected and actual sizes are named) or a count is negative
     */
    public static HeatMapChart of(List<String> labels, int[][] counts, String title) {
        check(labels, counts);
        double max = 1;
        for (int[] row : counts) {
            for (int count : row) {
                max = Math.max(max, count);
            }
        }
        return chart(labels, counts, title, false, max);
    }

    /**
     * Builds the heatmap of each row's fractions: count / row total, 0 for a row with no count.
     *
     * @param labels the L class labels, distinct, in the order of the matrix rows and columns
     * @param counts the (L, L) counts, rows being references
     * @param title the chart title
     * @return the chart, coloured from 0 (white) to 1, cells showing the fractions
     * @throws IllegalArgumentException as {@link #of}
     */
    public static HeatMapChart rowNormalized(List<String> labels, int[][] counts, String title) {
        check(labels, counts);
        return chart(labels, counts, title, true, 1);
    }

    private static HeatMapChart chart(
            List<String> labels, int[][] counts, String title, boolean normalize, double max) {
        int n = labels.size();
        // a row-normalised matrix hides how many references a row holds: its label says so
        List<String> rowLabels = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            long total = 0;
            for (int count : counts[r]) {
                total += count;
            }
            rowLabels.add(
                    normalize ? String.format("%s (%,d)", labels.get(r), total) : labels.get(r));
        }
        // the default theme's fonts, from a chart that is only measured, never drawn
        HeatMapStyler style = new HeatMapChartBuilder().width(1).height(1).build().getStyler();
        int widest = TextWidths.widest(rowLabels, style.getAxisTickLabelsFont());
        int cell = Math.max(48, widest + 12); // predicted labels side by side must not touch
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(Math.max(360, 160 + widest + cell * n))
                        .height(Math.max(240, 120 + cell * n))
                        .title(title)
                        .xAxisTitle(
                                normalize
                                        ? "predicted  (shade: share of the row)"
                                        : "predicted  (shade: count)")
                        .yAxisTitle(normalize ? "reference (its count)" : "reference")
                        .build();
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(66, 146, 198)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(max);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern(normalize ? "0.00" : "#,##0");
        chart.getStyler().setLegendVisible(true);
        List<String> ys = new ArrayList<>();
        for (int r = n - 1; r >= 0; r--) {
            ys.add(rowLabels.get(r));
        }
        List<Number[]> heat = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            long total = 0;
            for (int count : counts[r]) {
                total += count;
            }
            for (int c = 0; c < n; c++) {
                double value = counts[r][c];
                if (normalize) {
                    value = total == 0 ? 0 : value / total;
                }
                heat.add(new Number[] {c, n - 1 - r, value});
            }
        }
        chart.addSeries("confusion", labels, ys, heat);
        return chart;
    }

    private static void check(List<String> labels, int[][] counts) {
        int n = labels.size();
        Preconditions.checkArgument(n != 0, "a confusion matrix needs at least one label");
        Preconditions.checkArgument(
                new HashSet<>(labels).size() == n, "labels must be distinct, got " + labels);
        String expected = "counts must be (L, L) = (" + n + ", " + n + "), got ";
        Preconditions.checkArgument(counts.length == n, expected + counts.length + " rows");
        for (int r = 0; r < n; r++) {
            Preconditions.checkArgument(
                    counts[r].length == n, expected + counts[r].length + " columns in row " + r);
            for (int count : counts[r]) {
                Preconditions.checkArgument(
                        count >= 0, "counts must be >= 0, got " + count + " in row " + r);
            }
        }
    }
}
